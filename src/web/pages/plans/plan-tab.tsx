import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { TaskPlan } from '../../api/plans.api.js';
import { useTaskPlan } from '../../api/plans.queries.js';
import { LoadError } from '../../components/load-error.js';
import { ReviewRounds } from '../../components/review-rounds.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { PlanActions } from './plan-actions.js';
import { PlanContentView } from './plan-content-view.js';
import { PlanEditorDrawer } from './plan-editor-drawer.js';
import { PlanPartDrawer } from './plan-part-drawer.js';
import { usePlanActionLabel } from './plan-rounds-label.js';
import { PlanStatusTag } from './plan-status-tag.js';
import { PlanVersions } from './plan-versions.js';
import { PlanPartsView, PlanSection } from './plan-view-parts.js';

type Dialog = { kind: 'editor' } | { kind: 'part'; unitId: number };

/** No plan yet: who drafts it, and the button for those who may. */
function PlanEmpty({ task, canEdit, onCreate }: { task: TaskDetail; canEdit: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  const description = canEdit
    ? t('plans.empty.description')
    : task.status === 'draft'
      ? t('plans.empty.inactive')
      : t('plans.empty.readOnly');
  return (
    <Empty description={description} style={{ paddingBlock: 24 }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {t('plans.create')}
        </Button>
      )}
    </Empty>
  );
}

/** The version, its status and what happens next; the buttons for what the caller may do. */
function PlanHeader({
  task,
  data,
  onEdit,
  onStale,
}: {
  task: TaskDetail;
  data: TaskPlan & { plan: NonNullable<TaskPlan['plan']> };
  onEdit: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { plan } = data;
  const isEditable = plan.status === 'draft' || plan.status === 'returned';
  const showAccepted = data.acceptedVersionNo !== null && data.acceptedVersionNo !== plan.versionNo;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('plans.versionNo', { n: plan.versionNo })}
          </Typography.Title>
          <PlanStatusTag status={plan.status} />
          {showAccepted && (
            <Typography.Text type="secondary">
              {t('plans.acceptedVersion', { n: data.acceptedVersionNo ?? 0 })}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={8} wrap>
          {data.canEdit && isEditable && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('plans.edit')}
            </Button>
          )}
          {data.canEdit && plan.status === 'accepted' && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('plans.actions.revise')}
            </Button>
          )}
          <PlanActions taskId={task.id} version={plan.version} allowedActions={data.allowedActions} onStale={onStale} />
        </Flex>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(`plans.statusHint.${plan.status}`)}{' '}
        {t('plans.lastUpdated', { time: formatDateTime(plan.updatedAt, currentLocale()) })}
      </Typography.Text>
    </Flex>
  );
}

/** 办理方案 tab: the newest version with its parts, review rounds and versions; editing for the lead unit. */
export function TaskPlanTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const query = useTaskPlan(task.id);
  const actionLabel = usePlanActionLabel();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const unitName = (id: number) => task.units.find((unit) => unit.unitId === id)?.unitName ?? `#${id}`;
  const reload = () => void query.refetch();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <LoadError error={query.error} onRetry={reload} />;
  const data = query.data;
  const { plan } = data;
  const cooperating = task.units.filter((unit) => unit.role === 'cooperating');
  const parts = cooperating.map((unit) => ({
    unitId: unit.unitId,
    unitName: unit.unitName,
    content: plan?.parts.find((part) => part.unitId === unit.unitId)?.content ?? { text: '', steps: [] },
  }));
  const lastReturn =
    plan?.status === 'returned' ? plan.rounds.findLast((round) => round.action === 'return') : undefined;

  return (
    <>
      {!plan ? (
        <PlanEmpty task={task} canEdit={data.canEdit} onCreate={() => setDialog({ kind: 'editor' })} />
      ) : (
        <Flex vertical gap={16}>
          <PlanHeader
            task={task}
            data={{ ...data, plan }}
            onEdit={() => setDialog({ kind: 'editor' })}
            onStale={reload}
          />
          {lastReturn && (
            <Alert
              type="warning"
              showIcon
              title={t('plans.returnedBy', { name: lastReturn.actor?.displayName ?? t('tasks.history.system') })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.reason}</span>}
            />
          )}
          <PlanContentView content={plan.content} unitName={unitName} />
          {parts.length > 0 && (
            <PlanSection title={t('plans.sections.parts')}>
              <PlanPartsView
                parts={parts}
                extra={(unitId) =>
                  data.editablePartUnitIds.includes(unitId) ? (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'part', unitId })}>
                      {t('plans.editPart')}
                    </Button>
                  ) : null
                }
              />
            </PlanSection>
          )}
          <Divider style={{ marginBlock: 4 }} />
          <PlanSection title={t('plans.sections.rounds')}>
            <ReviewRounds rounds={plan.rounds} actionLabel={actionLabel} emptyText={t('plans.rounds.empty')} />
          </PlanSection>
          <PlanSection title={t('plans.sections.versions')}>
            <PlanVersions taskId={task.id} unitName={unitName} />
          </PlanSection>
        </Flex>
      )}
      {dialog?.kind === 'editor' && (
        <PlanEditorDrawer task={task} plan={plan} onClose={() => setDialog(null)} onStale={reload} />
      )}
      {dialog?.kind === 'part' && (
        <PlanPartDrawer
          task={task}
          unitId={dialog.unitId}
          part={plan?.parts.find((part) => part.unitId === dialog.unitId)}
          onClose={() => setDialog(null)}
          onStale={reload}
        />
      )}
    </>
  );
}
