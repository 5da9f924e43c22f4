import { Badge, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { healthReasonText, lightName } from '../../shared/health-terms.js';
import type { TaskSummary } from '../../shared/task-api.js';
import type { TaskPriority, TaskStatus } from '../../shared/tasks.js';
import { currentLocale } from '../i18n/index.js';
import { daysUntil, formatDay, type TaskHealth, taskHealth } from '../pages/tasks/task-view-model.js';

const STATUS_COLORS: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'geekblue',
  in_progress: 'blue',
  closure_requested: 'purple',
  returned: 'orange',
  suspended: 'gold',
  closed: 'green',
  cancelled: 'default',
};

/** A task's lifecycle status as a coloured tag. */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`tasks.status.${status}`)}
    </Tag>
  );
}

/** 重点: the key-task flag. */
export function TaskKeyTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t('tasks.keyTask')}
    </Tag>
  );
}

/** 整改: a rectification item (issue 7), a task of kind `rectification`. */
export function TaskKindTag() {
  const { t } = useTranslation();
  return (
    <Tag color="magenta" variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t('rectifications.tag')}
    </Tag>
  );
}

const PRIORITY_COLORS: Record<TaskPriority, string> = { high: 'volcano', normal: 'default', low: 'default' };

export function TaskPriorityTag({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} style={{ marginInlineEnd: 0 }}>
      {t(`tasks.priority.${priority}`)}
    </Tag>
  );
}

export const HEALTH_COLORS: Record<TaskHealth, string> = {
  red: '#cf1322',
  amber: '#d48806',
  green: '#389e0d',
  none: '#bfbfbf',
};

/**
 * 红黄绿灯: a coloured dot with the reasons that lit it ("逾期 3 个工作日"); the first reason (or
 * the light's name) as text, all of them on hover and for screen readers.
 */
export function TaskHealthBadge({
  task,
  showText = true,
}: {
  task: Pick<TaskSummary, 'status' | 'overdue' | 'acknowledgementOverdue'> & { health?: TaskSummary['health'] };
  showText?: boolean;
}) {
  const { t } = useTranslation();
  const health = taskHealth(task);
  const locale = currentLocale();
  const reasons = (task.health?.reasons ?? []).map((reason) => healthReasonText(reason, locale));
  const label = task.health ? (reasons[0] ?? t('tasks.health.green')) : t(`tasks.health.${health}`);
  const [colon, semicolon] = locale === 'en' ? [': ', '; '] : ['：', '；'];
  const full = task.health
    ? `${lightName(task.health.light, locale)}${reasons.length ? `${colon}${reasons.join(semicolon)}` : ''}`
    : label;
  return (
    <Tooltip title={reasons.length > 1 ? full : undefined}>
      <Badge
        color={HEALTH_COLORS[health]}
        text={showText ? label : undefined}
        aria-label={full}
        title={reasons.length > 1 ? undefined : full}
      />
    </Tooltip>
  );
}

/** The deadline as a date, with how far past it is; a relative deadline before assignment says so. */
export function TaskDeadline({
  task,
}: {
  task: Pick<TaskSummary, 'deadline' | 'overdue' | 'status'> & { deadlineWorkingDays?: number | null };
}) {
  const { t } = useTranslation();
  if (!task.deadline) {
    if (task.deadlineWorkingDays)
      return <Typography.Text>{t('tasks.deadlineAfterAssign', { days: task.deadlineWorkingDays })}</Typography.Text>;
    return <Typography.Text type="secondary">{t('tasks.noDeadline')}</Typography.Text>;
  }
  const days = daysUntil(task.deadline);
  return (
    <Flex gap={6} align="center" wrap style={{ display: 'inline-flex' }}>
      <Typography.Text type={task.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatDay(task.deadline, currentLocale())}
      </Typography.Text>
      {task.overdue && days !== null && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t('tasks.overdueDays', { count: Math.max(1, -days) })}
        </Tag>
      )}
    </Flex>
  );
}

/** Progress as a thin bar with the percentage; red when the task is overdue. */
export function TaskProgress({
  task,
  width,
}: {
  task: Pick<TaskSummary, 'progress' | 'overdue' | 'status'>;
  width?: number;
}) {
  const { t } = useTranslation();
  const percent = Math.round(task.progress);
  return (
    <Progress
      percent={percent}
      size="small"
      status={task.status === 'closed' ? 'success' : 'normal'}
      strokeColor={task.overdue ? HEALTH_COLORS.red : undefined}
      style={{ width: width ?? '100%', margin: 0, minWidth: 80 }}
      aria-label={t('tasks.fields.progress')}
      format={(value) => `${value ?? 0}%`}
    />
  );
}
