import { Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanPartContent } from '../../../shared/plans-api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';

// The small pieces the plan's read view is made of, shared with the closure tab and old versions.

/** A titled block of the plan. */
export function PlanSection({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/** A quiet line saying a list is empty. */
export function PlanNone({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" style={{ display: 'block', paddingBlock: 4 }}>
      {text}
    </Typography.Text>
  );
}

/** Dates as "from – to", or whichever of the two is set. */
export function DateRange({ start, end }: { start: string | null; end: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (start && end)
    return <>{t('plans.view.dateRange', { start: formatDay(start, locale), end: formatDay(end, locale) })}</>;
  if (end) return <>{t('plans.view.dueBy', { date: formatDay(end, locale) })}</>;
  if (start) return <>{t('plans.view.startsOn', { date: formatDay(start, locale) })}</>;
  return null;
}

/** Steps and measures, numbered, with the unit responsible and their dates. */
export function StepList({
  steps,
  unitName,
}: {
  steps: ReadonlyArray<{
    id: string;
    text: string;
    ownerUnitId?: number;
    startDate: string | null;
    endDate: string | null;
  }>;
  unitName?: (id: number) => string;
}) {
  const { t } = useTranslation();
  if (steps.length === 0) return <PlanNone text={t('plans.view.noSteps')} />;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 22, display: 'flex', flexDirection: 'column', gap: 8 }}>
      {steps.map((step) => (
        <li key={step.id}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{step.text}</Typography.Text>
          <Flex wrap style={{ fontSize: 13, columnGap: 8 }}>
            {unitName && step.ownerUnitId !== undefined && (
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {unitName(step.ownerUnitId)}
              </Typography.Text>
            )}
            {(step.startDate || step.endDate) && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                <DateRange start={step.startDate} end={step.endDate} />
              </Typography.Text>
            )}
          </Flex>
        </li>
      ))}
    </ol>
  );
}

/** A cooperating unit's part: what it will do and its own steps. */
export function PlanPartsView({
  parts,
  extra,
}: {
  parts: ReadonlyArray<{ unitId: number; unitName: string; content: PlanPartContent }>;
  extra?: (unitId: number) => ReactNode;
}) {
  const { t } = useTranslation();
  if (parts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.parts.none')} />;
  return (
    <Flex vertical gap={8}>
      {parts.map((part) => (
        <Card
          key={part.unitId}
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{part.unitName}</span>}
          extra={extra?.(part.unitId)}
        >
          <Flex vertical gap={8}>
            <Typography.Paragraph
              type={part.content.text ? undefined : 'secondary'}
              style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {part.content.text || t('plans.parts.noText')}
            </Typography.Paragraph>
            {part.content.steps.length > 0 && <StepList steps={part.content.steps} />}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
