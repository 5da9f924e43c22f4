import { EditOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { ClosureApplication, TaskClosure } from '../../api/closure.api.js';
import { useTaskClosure } from '../../api/closure.queries.js';
import { EvidenceFileList } from '../../components/evidence-file-list.js';
import { LoadError } from '../../components/load-error.js';
import { ReviewRounds } from '../../components/review-rounds.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatAmount } from '../plans/plan-format.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { ClosureActions } from './closure-actions.js';
import { ClosureFormDrawer } from './closure-form-drawer.js';
import { ClosureStatusTag } from './closure-status-tag.js';

const ROUND_ACTIONS = ['submit', 'approve', 'return', 'accept', 'confirm'] as const;

function useClosureActionLabel() {
  const { t } = useTranslation();
  return (action: string) =>
    (ROUND_ACTIONS as readonly string[]).includes(action)
      ? t(`closure.rounds.${action as (typeof ROUND_ACTIONS)[number]}`)
      : action;
}

/** The result against each target: target value, value reached and a comment. */
function TargetResults({ closure, application }: { closure: TaskClosure; application: ClosureApplication }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (closure.targets.length === 0)
    return <Typography.Text type="secondary">{t('closure.view.noTargets')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {closure.targets.map((target) => {
        const result = application.targetResults.find((item) => item.targetId === target.id);
        const reached = result?.achieved ?? null;
        return (
          <Card key={target.id} size="small">
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {target.name}
              </Typography.Text>
              <Typography.Text>
                {reached === null
                  ? t('closure.view.notFilled')
                  : t('closure.view.reachedOf', {
                      achieved: formatAmount(reached, target.measureUnit, locale),
                      target: formatAmount(target.targetValue, target.measureUnit, locale),
                    })}
              </Typography.Text>
            </Flex>
            {result?.comment && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
                {result.comment}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}

/** The application as submitted or being drafted: status, summary, results and evidence. */
function ClosureApplicationView({
  task,
  closure,
  application,
  onEdit,
  onStale,
}: {
  task: TaskDetail;
  closure: TaskClosure;
  application: ClosureApplication;
  onEdit: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const editable = application.status === 'draft' || application.status === 'returned';
  const lastReturn =
    application.status === 'returned'
      ? closure.rounds.findLast((round) => round.applicationId === application.id && round.action === 'return')
      : undefined;
  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('closure.applicationTitle')}
            </Typography.Title>
            <ClosureStatusTag status={application.status} />
          </Flex>
          <Flex gap={8} wrap>
            {closure.canEdit && editable && (
              <Button icon={<EditOutlined />} onClick={onEdit}>
                {t('closure.edit')}
              </Button>
            )}
            {closure.canEdit && application.status === 'accepted' && (
              <Button icon={<FlagOutlined />} onClick={onEdit}>
                {t('closure.apply')}
              </Button>
            )}
            <ClosureActions
              taskId={task.id}
              version={application.version}
              allowedActions={closure.allowedActions}
              leaderConfirms={closure.leaderConfirms}
              onStale={onStale}
            />
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t(`closure.statusHint.${application.status}`)}{' '}
          {application.submittedAt &&
            t('closure.submittedAt', { time: formatDateTime(application.submittedAt, currentLocale()) })}
        </Typography.Text>
      </Flex>
      {lastReturn && (
        <Alert
          type="warning"
          showIcon
          title={t('closure.returnedBy', { name: lastReturn.actor?.displayName ?? t('tasks.history.system') })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.reason}</span>}
        />
      )}
      {closure.leaderConfirms && application.status !== 'accepted' && (
        <Alert type="info" showIcon title={t('closure.view.leaderConfirms')} />
      )}
      <PlanSection title={t('closure.fields.summary')}>
        <Typography.Paragraph
          type={application.summary ? undefined : 'secondary'}
          style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {application.summary || t('closure.view.noSummary')}
        </Typography.Paragraph>
      </PlanSection>
      <PlanSection title={t('closure.fields.targetResults')}>
        <TargetResults closure={closure} application={application} />
      </PlanSection>
      <PlanSection title={t('closure.fields.evidence')}>
        <EvidenceFileList files={application.evidence} emptyText={t('closure.view.noEvidence')} />
      </PlanSection>
    </Flex>
  );
}

/** 办结 tab: the closure application, its review rounds, and the form for the lead unit. */
export function TaskClosureTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const query = useTaskClosure(task.id);
  const actionLabel = useClosureActionLabel();
  const [isEditing, setIsEditing] = useState(false);
  const reload = () => void query.refetch();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <LoadError error={query.error} onRetry={reload} />;
  const closure = query.data;
  const { application } = closure;
  return (
    <>
      {application ? (
        <ClosureApplicationView
          task={task}
          closure={closure}
          application={application}
          onEdit={() => setIsEditing(true)}
          onStale={reload}
        />
      ) : (
        <Empty
          style={{ paddingBlock: 24 }}
          description={closure.canEdit ? t('closure.empty.canApply') : t('closure.empty.readOnly')}
        >
          {closure.canEdit && (
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setIsEditing(true)}>
              {t('closure.apply')}
            </Button>
          )}
        </Empty>
      )}
      {closure.rounds.length > 0 && (
        <>
          <Divider style={{ marginBlock: 16 }} />
          <PlanSection title={t('closure.sections.rounds')}>
            <ReviewRounds rounds={closure.rounds} actionLabel={actionLabel} emptyText={t('closure.rounds.empty')} />
          </PlanSection>
        </>
      )}
      {isEditing && (
        <ClosureFormDrawer task={task} closure={closure} onClose={() => setIsEditing(false)} onStale={reload} />
      )}
    </>
  );
}
