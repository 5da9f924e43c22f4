import { FileExclamationOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { OPEN_STATUSES } from '../../../shared/tasks.js';
import { useTaskNotices } from '../../api/notices.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { NoticeCard } from './notice-card.js';
import { NoticeIssueModal } from './notice-issue-modal.js';

/** 督办单 on the task's supervision tab: its notices, newest first; the supervision office issues new ones. */
export function TaskNoticesSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const query = useTaskNotices(task.id);
  const [isIssuing, setIsIssuing] = useState(false);
  const reload = () => void query.refetch();
  const canIssue =
    hasAnyRole(user, ['supervisor', 'admin']) && OPEN_STATUSES.includes(task.status) && task.leadUnit !== null;
  return (
    <PlanSection
      title={t('notices.sectionTitle')}
      extra={
        canIssue && (
          <Button icon={<FileExclamationOutlined />} onClick={() => setIsIssuing(true)}>
            {t('notices.issue')}
          </Button>
        )
      }
    >
      {query.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {query.isError && <LoadError error={query.error} onRetry={reload} />}
      {query.data && query.data.length === 0 && (
        <Typography.Text type="secondary">{t('notices.taskEmpty')}</Typography.Text>
      )}
      {query.data && query.data.length > 0 && (
        <Flex vertical gap={10} role="list" aria-label={t('notices.sectionTitle')}>
          {query.data.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} onStale={reload} />
          ))}
        </Flex>
      )}
      {isIssuing && <NoticeIssueModal task={task} onClose={() => setIsIssuing(false)} />}
    </PlanSection>
  );
}
