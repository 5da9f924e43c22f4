import { Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail, TaskEvent } from '../../../shared/task-api.js';
import { TASK_ACTIONS, type TaskAction } from '../../../shared/tasks.js';
import { TaskStatusTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';

/** Event names the server records besides the status actions. */
const OTHER_EVENTS = ['create', 'update', 'move', 'delete', 'progress', 'part'] as const;
type OtherEvent = (typeof OTHER_EVENTS)[number];

function isStatusAction(action: string): action is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(action);
}

function isOtherEvent(action: string): action is OtherEvent {
  return (OTHER_EVENTS as readonly string[]).includes(action);
}

const EVENT_COLORS: Partial<Record<string, string>> = {
  create: 'blue',
  assign: 'blue',
  acknowledge: 'green',
  close: 'green',
  return: 'orange',
  suspend: 'gray',
  cancel: 'red',
  reopen: 'orange',
};

/** One event in people's words: who did what, the status change, and the reason given. */
function EventLine({ event }: { event: TaskEvent }) {
  const { t } = useTranslation();
  const what = isStatusAction(event.action)
    ? t(`tasks.actions.${event.action}`)
    : isOtherEvent(event.action)
      ? t(`tasks.events.${event.action}`)
      : event.action;
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        <Typography.Text strong>{event.actor?.displayName ?? t('tasks.history.system')}</Typography.Text> {what}
      </Typography.Text>
      {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
        <Flex align="center" gap={6} wrap>
          <TaskStatusTag status={event.fromStatus} />
          <span aria-hidden>→</span>
          <TaskStatusTag status={event.toStatus} />
        </Flex>
      )}
      {event.reason && (
        <Typography.Paragraph
          type="secondary"
          style={{
            margin: 0,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            borderInlineStart: '3px solid #e8ebf0',
            paddingInlineStart: 8,
          }}
        >
          {t('tasks.history.reason', { reason: event.reason })}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

/** 办理记录: the task's history, newest first. */
export function TaskHistoryTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (task.history.length === 0) return <Empty description={t('tasks.history.empty')} />;
  const events = [...task.history].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={events.map((event) => ({
        key: event.id,
        color: EVENT_COLORS[event.action] ?? 'gray',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at, locale)}
            </Typography.Text>
            <EventLine event={event} />
          </Flex>
        ),
      }))}
    />
  );
}
