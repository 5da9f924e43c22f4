import { FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { TaskExtensions } from '../../api/extensions.api.js';
import { useTaskExtensions } from '../../api/extensions.queries.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { formatDay } from '../tasks/task-view-model.js';
import { DeadlineHistory } from './deadline-history.js';
import { ExtensionRequestCard } from './extension-request-card.js';
import { ExtensionRequestModal } from './extension-request-modal.js';

/** Why the lead unit cannot ask now (nothing for those who never could). */
function BlockedHint({ view }: { view: TaskExtensions }) {
  const { t } = useTranslation();
  const blocker = view.cannotRequestBecause;
  if (blocker === null || blocker === 'not_requester') return null;
  const text = t(`extensions.blocked.${blocker}`, {
    date: formatDay(view.currentDeadline, currentLocale()),
    limit: view.limit,
  });
  return <Alert type={blocker === 'after_deadline' ? 'warning' : 'info'} showIcon title={text} />;
}

/** The task's deadlines at a glance: original, current, extensions used. */
function DeadlineSummary({ view }: { view: TaskExtensions }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const moved = view.originalDeadline !== view.currentDeadline;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 3 }}
      items={[
        {
          key: 'original',
          label: t('extensions.summary.original'),
          children: formatDay(view.originalDeadline, locale),
        },
        {
          key: 'current',
          label: t('extensions.summary.current'),
          children: <Typography.Text strong={moved}>{formatDay(view.currentDeadline, locale)}</Typography.Text>,
        },
        {
          key: 'approved',
          label: t('extensions.summary.approved'),
          children: t('extensions.summary.approvedCount', { count: view.approvedCount, limit: view.limit }),
        },
      ]}
    />
  );
}

/** 延期申请 on the supervision tab: the deadlines, the requests with their decisions, the history. */
export function TaskExtensionsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const query = useTaskExtensions(task.id);
  const [isRequesting, setIsRequesting] = useState(false);
  const reload = () => void query.refetch();
  const view = query.data;
  return (
    <PlanSection
      title={t('extensions.title')}
      extra={
        view?.canRequest && (
          <Button icon={<FieldTimeOutlined />} onClick={() => setIsRequesting(true)}>
            {t('extensions.request')}
          </Button>
        )
      }
    >
      {query.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {query.isError && <LoadError error={query.error} onRetry={reload} />}
      {view && (
        <Flex vertical gap={12}>
          <DeadlineSummary view={view} />
          {view.leaderApproves && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('extensions.summary.leaderApproves')}
            </Typography.Text>
          )}
          <BlockedHint view={view} />
          {view.requests.map((request) => (
            <ExtensionRequestCard key={request.id} taskId={task.id} request={request} onStale={reload} />
          ))}
          {view.requests.length === 0 && <Typography.Text type="secondary">{t('extensions.empty')}</Typography.Text>}
          <div>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {t('extensions.history.title')}
            </Typography.Text>
            <DeadlineHistory originalDeadline={view.originalDeadline} changes={view.deadlineChanges} />
          </div>
        </Flex>
      )}
      {isRequesting && view?.currentDeadline && (
        <ExtensionRequestModal
          taskId={task.id}
          deadline={view.currentDeadline}
          progress={task.progress}
          onClose={() => setIsRequesting(false)}
        />
      )}
    </PlanSection>
  );
}
