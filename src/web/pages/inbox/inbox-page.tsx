import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Inbox, TaskSummary } from '../../../shared/task-api.js';
import { useInbox, useTaskMutations } from '../../api/tasks.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { TaskListItem } from '../../components/task-list-item.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from '../tasks/task-errors.js';
import { InboxBulletins } from './inbox-bulletins.js';

type Section = keyof Inbox;

interface InboxSectionProps {
  section: Section;
  tasks: TaskSummary[];
  /** Where "see all" leads, when the list has a matching filter. */
  allLink?: string;
  renderExtra?: (task: TaskSummary) => ReactNode;
}

/** One heading of the inbox: its tasks, or a sentence saying what would appear there. */
function InboxSection({ section, tasks, allLink, renderExtra }: InboxSectionProps) {
  const { t } = useTranslation();
  return (
    <section aria-label={t(`inbox.sections.${section}.title`)} style={{ height: '100%' }}>
      <Card
        title={
          <Flex align="center" gap={8}>
            <span>{t(`inbox.sections.${section}.title`)}</span>
            <Badge count={tasks.length} showZero color={tasks.length > 0 ? undefined : '#bfbfbf'} />
          </Flex>
        }
        extra={allLink && tasks.length > 0 ? <Link to={allLink}>{t('inbox.seeAll')}</Link> : undefined}
        style={{ height: '100%' }}
        styles={{ body: { paddingBlock: tasks.length > 0 ? 12 : 24 } }}
      >
        {tasks.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`inbox.sections.${section}.empty`)} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 14 }}>
            {tasks.map((task) => (
              <li key={task.id}>
                <TaskListItem task={task} extra={renderExtra?.(task)} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

/** 待办: what waits for me and my unit — to acknowledge, returned, overdue, closure requests. */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const inbox = useInbox();
  const { transition } = useTaskMutations();
  const isSupervisor = hasAnyRole(user, ['supervisor', 'admin']);
  // Bulletins reach units: the supervision office writes them and finds them under 督查通报.
  const isUnitMember = hasAnyRole(user, ['unit_head', 'unit_staff']) && user?.unitId != null;

  const handleAcknowledge = (task: TaskSummary) =>
    transition.mutate(
      { task, action: 'acknowledge' },
      {
        onSuccess: () => void message.success(t('inbox.acknowledged', { title: task.title })),
        onError: (error) =>
          void (isStaleTaskError(error)
            ? message.warning(staleTaskMessage(error, t))
            : message.error(taskErrorMessage(error, t))),
      },
    );

  const header = <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />;
  if (inbox.isPending) {
    return (
      <>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (inbox.isError) {
    return (
      <>
        {header}
        <Card>
          <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
        </Card>
      </>
    );
  }
  const data = inbox.data;
  const pending = transition.isPending ? transition.variables?.task.id : undefined;
  const showClosure = isSupervisor || data.closureRequests.length > 0;
  const total = data.toAcknowledge.length + data.returned.length + data.overdue.length + data.closureRequests.length;

  return (
    <>
      {header}
      {total === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('inbox.allClear')}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <InboxSection
            section="toAcknowledge"
            tasks={data.toAcknowledge}
            allLink="/tasks?unacknowledged=1"
            renderExtra={(task) => (
              <Button
                type="primary"
                size="small"
                icon={<CheckOutlined />}
                loading={pending === task.id}
                disabled={pending !== undefined && pending !== task.id}
                onClick={() => handleAcknowledge(task)}
                aria-label={t('inbox.acknowledgeTask', { title: task.title })}
              >
                {t('tasks.actions.acknowledge')}
              </Button>
            )}
          />
        </Col>
        <Col xs={24} xl={12}>
          <InboxSection section="returned" tasks={data.returned} allLink="/tasks?status=returned" />
        </Col>
        <Col xs={24} xl={12}>
          <InboxSection section="overdue" tasks={data.overdue} allLink="/tasks?overdue=1&sort=deadline" />
        </Col>
        {isUnitMember && (
          <Col xs={24} xl={12}>
            <InboxBulletins />
          </Col>
        )}
        {showClosure && (
          <Col xs={24} xl={12}>
            <InboxSection
              section="closureRequests"
              tasks={data.closureRequests}
              allLink="/tasks?status=closure_requested"
              renderExtra={(task) => (
                <Button size="small" onClick={() => navigate(`/tasks/${task.id}`)}>
                  {t('inbox.review')}
                </Button>
              )}
            />
          </Col>
        )}
      </Row>
    </>
  );
}
