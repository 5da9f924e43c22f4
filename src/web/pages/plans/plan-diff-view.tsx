import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanMilestone, PlanStep, PlanTarget } from '../../../shared/plans-api.js';
import type { PlanVersionDiff, PlanView } from '../../api/plans.api.js';
import { usePlanDiff, usePlanVersion } from '../../api/plans.queries.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';
import { formatChangeValue, quarterLabel } from './plan-format.js';

type ListName = 'targets' | 'steps' | 'milestones';
type Item = PlanTarget | PlanStep | PlanMilestone;

const KIND_OF: Record<ListName, 'target' | 'step' | 'milestone'> = {
  targets: 'target',
  steps: 'step',
  milestones: 'milestone',
};

/** Which fields each kind of item has, for their labels in the diff. */
const FIELDS = {
  target: ['name', 'measureUnit', 'baseline', 'targetValue', 'dueDate'],
  step: ['text', 'ownerUnitId', 'startDate', 'endDate'],
  milestone: ['date', 'deliverable', 'evidenceRequired'],
} as const;

function fieldLabel(kind: keyof typeof FIELDS, field: string, t: TFunction): string {
  if (kind === 'target' && (FIELDS.target as readonly string[]).includes(field))
    return t(`plans.fields.target.${field as (typeof FIELDS.target)[number]}`);
  if (kind === 'step' && (FIELDS.step as readonly string[]).includes(field))
    return t(`plans.fields.step.${field as (typeof FIELDS.step)[number]}`);
  if (kind === 'milestone' && (FIELDS.milestone as readonly string[]).includes(field))
    return t(`plans.fields.milestone.${field as (typeof FIELDS.milestone)[number]}`);
  return field;
}

/** An item in a few words: a target's name, a step's text, a milestone's date and deliverable. */
function itemTitle(item: Item | undefined, locale: string): string {
  if (!item) return '';
  if ('name' in item) return item.name;
  if ('text' in item) return item.text;
  return `${formatDay(item.date, locale)} ${item.deliverable}`;
}

const CHANGE_TAGS = { added: 'green', removed: 'red', changed: 'orange' } as const;

function ChangeLine({ change, children }: { change: keyof typeof CHANGE_TAGS; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="flex-start" style={{ paddingBlock: 6, borderBottom: '1px solid #f0f0f0' }}>
      <Tag color={CHANGE_TAGS[change]} style={{ marginInlineEnd: 0, flex: 'none' }}>
        {t(`plans.diff.${change}`)}
      </Tag>
      <div style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>{children}</div>
    </Flex>
  );
}

/** Old → new, the old one struck through. */
function OldNew({ old, next }: { old: string; next: string }) {
  return (
    <>
      <Typography.Text delete type="secondary">
        {old}
      </Typography.Text>
      <span aria-hidden> → </span>
      <Typography.Text strong>{next}</Typography.Text>
    </>
  );
}

interface ListChangesProps {
  list: ListName;
  diff: PlanVersionDiff['diff'][ListName];
  before: PlanView;
  after: PlanView;
  unitName: (id: number) => string;
}

function ListChanges({ list, diff, before, after, unitName }: ListChangesProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const kind = KIND_OF[list];
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  const newItem = (id: string): Item | undefined => (after.content[list] as Item[]).find((item) => item.id === id);
  const context = { t, locale, unitName };
  return (
    <section aria-label={t(`plans.sections.${list}`)}>
      <Typography.Text strong style={{ display: 'block', marginBlock: '8px 2px' }}>
        {t(`plans.sections.${list}`)}
      </Typography.Text>
      {diff.added.map((item) => (
        <ChangeLine key={`a-${item.id}`} change="added">
          {itemTitle(item, locale)}
        </ChangeLine>
      ))}
      {diff.removed.map((item) => (
        <ChangeLine key={`r-${item.id}`} change="removed">
          <Typography.Text delete>{itemTitle(item, locale)}</Typography.Text>
        </ChangeLine>
      ))}
      {diff.changed.map((item) => (
        <ChangeLine key={`c-${item.id}`} change="changed">
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {itemTitle(newItem(item.id) ?? (before.content[list] as Item[]).find((x) => x.id === item.id), locale)}
            </Typography.Text>
            {item.changes.map((change) => (
              <span key={change.field}>
                {fieldLabel(kind, change.field, t)}
                {t('plans.diff.colon')}
                <OldNew
                  old={formatChangeValue(change.field, change.old, context)}
                  next={formatChangeValue(change.field, change.new, context)}
                />
              </span>
            ))}
          </Flex>
        </ChangeLine>
      ))}
    </section>
  );
}

function ProgressChanges({ diff }: { diff: PlanVersionDiff['diff']['expectedProgress'] }) {
  const { t } = useTranslation();
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <section aria-label={t('plans.sections.expectedProgress')}>
      <Typography.Text strong style={{ display: 'block', marginBlock: '8px 2px' }}>
        {t('plans.sections.expectedProgress')}
      </Typography.Text>
      {diff.added.map((entry) => (
        <ChangeLine key={`a-${entry.quarter}`} change="added">
          {quarterLabel(entry.quarter, t)} {entry.percent}%
        </ChangeLine>
      ))}
      {diff.removed.map((entry) => (
        <ChangeLine key={`r-${entry.quarter}`} change="removed">
          <Typography.Text delete>
            {quarterLabel(entry.quarter, t)} {entry.percent}%
          </Typography.Text>
        </ChangeLine>
      ))}
      {diff.changed.map((entry) => (
        <ChangeLine key={`c-${entry.quarter}`} change="changed">
          {quarterLabel(entry.quarter, t)}
          {t('plans.diff.colon')}
          <OldNew old={`${entry.old}%`} next={`${entry.new}%`} />
        </ChangeLine>
      ))}
    </section>
  );
}

/** What changed from one plan version to another: added, removed and changed items, old → new. */
export function PlanDiffView({
  taskId,
  from,
  to,
  unitName,
}: {
  taskId: number;
  from: number;
  to: number;
  unitName: (id: number) => string;
}) {
  const { t } = useTranslation();
  const diff = usePlanDiff(taskId, from, to);
  const before = usePlanVersion(taskId, from);
  const after = usePlanVersion(taskId, to);
  const failed = [diff, before, after].find((query) => query.isError);
  if (failed) return <LoadError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!diff.data || !before.data || !after.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const changes = diff.data.diff;
  const title = t('plans.diff.title', { from, to });
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}>
      <section aria-label={title}>
        {changes.unchanged ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.diff.unchanged')} />
        ) : (
          <Flex vertical gap={4}>
            {(['targets', 'steps', 'milestones'] as const).map((list) => (
              <ListChanges
                key={list}
                list={list}
                diff={changes[list]}
                before={before.data}
                after={after.data}
                unitName={unitName}
              />
            ))}
            <ProgressChanges diff={changes.expectedProgress} />
            {changes.progressBasis && (
              <ChangeLine change="changed">
                {t('plans.sections.progressBasis')}
                {t('plans.diff.colon')}
                <OldNew
                  old={t(`plans.basis.${changes.progressBasis.old}`)}
                  next={t(`plans.basis.${changes.progressBasis.new}`)}
                />
              </ChangeLine>
            )}
          </Flex>
        )}
      </section>
    </Card>
  );
}
