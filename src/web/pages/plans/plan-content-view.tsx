import { FileProtectOutlined } from '@ant-design/icons';
import { Card, Flex, Grid, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanTarget } from '../../../shared/plans-api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';
import { formatAmount, quarterLabel } from './plan-format.js';
import { PlanNone, PlanSection, StepList } from './plan-view-parts.js';

/** Targets as a table on wide screens, as cards on phones. */
function TargetList({ targets }: { targets: PlanTarget[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = Grid.useBreakpoint().md === false;
  if (targets.length === 0) return <PlanNone text={t('plans.view.noTargets')} />;
  if (isMobile) {
    return (
      <Flex vertical gap={8}>
        {targets.map((target) => (
          <Card key={target.id} size="small">
            <Flex vertical gap={4}>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {target.name}
              </Typography.Text>
              <Typography.Text>
                {t('plans.view.fromTo', {
                  from: formatAmount(target.baseline, target.measureUnit, locale),
                  to: formatAmount(target.targetValue, target.measureUnit, locale),
                })}
              </Typography.Text>
              {target.dueDate && (
                <Typography.Text type="secondary">
                  {t('plans.view.dueBy', { date: formatDay(target.dueDate, locale) })}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<PlanTarget>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={targets}
      columns={[
        { key: 'name', title: t('plans.fields.target.name'), dataIndex: 'name' },
        {
          key: 'baseline',
          title: t('plans.fields.target.baseline'),
          align: 'right',
          render: (_value, target) => formatAmount(target.baseline, target.measureUnit, locale),
        },
        {
          key: 'targetValue',
          title: t('plans.fields.target.targetValue'),
          align: 'right',
          render: (_value, target) => (
            <Typography.Text strong>{formatAmount(target.targetValue, target.measureUnit, locale)}</Typography.Text>
          ),
        },
        {
          key: 'dueDate',
          title: t('plans.fields.target.dueDate'),
          width: 160,
          render: (_value, target) => formatDay(target.dueDate, locale),
        },
      ]}
    />
  );
}

/** Milestones in date order: date, deliverable, and whether evidence is required. */
function MilestoneList({ milestones }: { milestones: PlanContent['milestones'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (milestones.length === 0) return <PlanNone text={t('plans.view.noMilestones')} />;
  const ordered = [...milestones].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Flex vertical gap={0} role="list">
      {ordered.map((milestone) => (
        <Flex
          key={milestone.id}
          role="listitem"
          gap={12}
          align="baseline"
          wrap
          style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong style={{ flex: '0 0 auto', minWidth: 116, whiteSpace: 'nowrap' }}>
            {formatDay(milestone.date, locale)}
          </Typography.Text>
          <Typography.Text style={{ flex: '1 1 200px', minWidth: 0, overflowWrap: 'anywhere' }}>
            {milestone.deliverable}
          </Typography.Text>
          {milestone.evidenceRequired && (
            <Tag icon={<FileProtectOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
              {t('plans.view.evidenceRequired')}
            </Tag>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** 形象进度: the expected percent complete at each quarter's end, as bars. */
function ExpectedProgressBars({ entries }: { entries: PlanContent['expectedProgress'] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <PlanNone text={t('plans.view.noExpectedProgress')} />;
  return (
    <Flex vertical gap={6} style={{ maxWidth: 560 }}>
      {entries.map((entry) => (
        <Flex key={entry.quarter} align="center" gap={12}>
          <Typography.Text style={{ flex: '0 0 auto', width: 120, fontSize: 13 }}>
            {quarterLabel(entry.quarter, t)}
          </Typography.Text>
          <Progress
            percent={entry.percent}
            status="normal"
            format={(value) => `${value ?? 0}%`}
            size="small"
            style={{ flex: 1, margin: 0, minWidth: 0 }}
            aria-label={quarterLabel(entry.quarter, t)}
          />
        </Flex>
      ))}
    </Flex>
  );
}

/** A plan version's content, read-only: targets, steps, milestones, expected progress, basis. */
export function PlanContentView({ content, unitName }: { content: PlanContent; unitName: (id: number) => string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={20}>
      <PlanSection title={t('plans.sections.targets')}>
        <TargetList targets={content.targets} />
      </PlanSection>
      <PlanSection title={t('plans.sections.steps')}>
        <StepList steps={content.steps} unitName={unitName} />
      </PlanSection>
      <PlanSection title={t('plans.sections.milestones')}>
        <MilestoneList milestones={content.milestones} />
      </PlanSection>
      <PlanSection title={t('plans.sections.expectedProgress')}>
        <ExpectedProgressBars entries={content.expectedProgress} />
      </PlanSection>
      <Typography.Text type="secondary">
        {t('plans.view.progressBasis', { basis: t(`plans.basis.${content.progressBasis}`) })}
      </Typography.Text>
    </Flex>
  );
}
