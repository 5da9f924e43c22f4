import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskSummary } from '../../shared/task-api.js';
import { TaskDeadline, TaskHealthBadge, TaskKeyTag, TaskKindTag, TaskStatusTag } from './task-badges.js';

interface TaskListItemProps {
  task: TaskSummary;
  /** Buttons on the right (e.g. Acknowledge in the inbox); they wrap under the text on phones. */
  extra?: ReactNode;
}

/** One task as a compact line: health, number, title (a link), status, lead unit and deadline. */
export function TaskListItem({ task, extra }: TaskListItemProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap className="task-list-item">
      <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <TaskHealthBadge task={task} showText={false} />
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {task.number}
          </Typography.Text>
          <Link to={`/tasks/${task.id}`} style={{ minWidth: 0, overflowWrap: 'anywhere', fontWeight: 500 }}>
            {task.title}
          </Link>
        </Flex>
        <Flex align="center" gap={8} wrap style={{ paddingInlineStart: 14 }}>
          <TaskStatusTag status={task.status} />
          {task.isKey && <TaskKeyTag />}
          {task.kind === 'rectification' && <TaskKindTag />}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {task.leadUnit?.name ?? t('tasks.noLeadUnit')}
          </Typography.Text>
          <span style={{ fontSize: 13 }}>
            <TaskDeadline task={task} />
          </span>
        </Flex>
      </Flex>
      {extra && (
        <Flex gap={8} style={{ flex: 'none', marginInlineStart: 'auto' }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
