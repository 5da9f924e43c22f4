import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../shared/plans-api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';

/** A number with the UI language's separators. */
export function formatAmount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** The current value of each plan target given by a report, against its baseline and target. */
export function ReportTargetValues({ plan, values }: { plan: PlanContent; values: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (plan.targets.length === 0) return null;
  return (
    <ul className="report-plan-list" aria-label={t('reports.fields.targetValues')}>
      {plan.targets.map((target) => {
        const current = values[target.id];
        return (
          <li key={target.id}>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{target.name}</Typography.Text>
            <Typography.Text strong={current !== undefined} type={current === undefined ? 'secondary' : undefined}>
              {current === undefined
                ? t('reports.view.noValue')
                : t('reports.view.valueOfTarget', {
                    current: formatAmount(current, locale),
                    target: formatAmount(target.targetValue, locale),
                    unit: target.measureUnit,
                  })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.view.baseline', { value: formatAmount(target.baseline, locale), unit: target.measureUnit })}
            </Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}

/** The plan's milestones, ticked when the report marks them done. */
export function ReportMilestones({ plan, done }: { plan: PlanContent; done: readonly string[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (plan.milestones.length === 0) return null;
  return (
    <ul className="report-plan-list" aria-label={t('reports.fields.milestonesDone')}>
      {plan.milestones.map((milestone) => {
        const isDone = done.includes(milestone.id);
        return (
          <li key={milestone.id}>
            <Flex align="flex-start" gap={8}>
              {isDone ? (
                <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} aria-label={t('reports.view.done')} />
              ) : (
                <MinusCircleOutlined
                  style={{ color: '#bfbfbf', marginTop: 4 }}
                  aria-label={t('reports.view.notDone')}
                />
              )}
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{milestone.deliverable}</Typography.Text>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDay(milestone.date, locale)}
                  </Typography.Text>
                  {milestone.evidenceRequired && (
                    <Tag style={{ marginInlineEnd: 0, fontSize: 12 }}>{t('reports.form.evidenceRequired')}</Tag>
                  )}
                </Flex>
              </Flex>
            </Flex>
          </li>
        );
      })}
    </ul>
  );
}
