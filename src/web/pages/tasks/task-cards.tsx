import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskSummary } from '../../../shared/task-api.js';
import { useTaskPages } from '../../api/tasks.queries.js';
import {
  TaskDeadline,
  TaskHealthBadge,
  TaskKeyTag,
  TaskKindTag,
  TaskProgress,
  TaskStatusTag,
} from '../../components/task-badges.js';
import type { TaskSelection } from './task-table.js';
import { taskHealth } from './task-view-model.js';

interface TaskCardProps {
  task: TaskSummary;
  selection?: TaskSelection;
  /** Tree view: offer to open the subtasks under the card. */
  showChildren?: boolean;
}

/** The subtasks of a card, loaded when opened, as indented cards of their own. */
function TaskCardChildren({ parentId, selection }: { parentId: number; selection?: TaskSelection }) {
  const pages = useTaskPages({ parentId, sort: 'number' });
  const children = pages.data?.pages.flatMap((page) => page.items) ?? [];
  if (pages.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  return (
    <Flex vertical gap={8} role="list" style={{ paddingInlineStart: 12, borderInlineStart: '2px solid #e6eef9' }}>
      {children.map((child) => (
        <TaskCard key={child.id} task={child} selection={selection} showChildren />
      ))}
    </Flex>
  );
}

/** One task as a card for phones: title, status, health, lead unit, deadline and progress. */
function TaskCard({ task, selection, showChildren }: TaskCardProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const isSelected = selection?.selectedIds.includes(task.id) ?? false;
  const toggleSelected = () => {
    if (!selection) return;
    const ids = selection.selectedIds.filter((id) => id !== task.id);
    selection.onChange(isSelected ? ids : [...ids, task.id]);
  };
  return (
    <Flex vertical gap={8} role="listitem">
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex align="flex-start" gap={8}>
            {selection && (
              <Checkbox
                checked={isSelected}
                onChange={toggleSelected}
                aria-label={t('tasks.bulk.selectTask', { title: task.title })}
              />
            )}
            <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {task.number}
              </Typography.Text>
              <Link to={`/tasks/${task.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                {task.title}
              </Link>
            </Flex>
            <span style={{ flex: 'none' }}>
              <TaskStatusTag status={task.status} />
            </span>
          </Flex>
          <Flex align="center" gap={8} wrap>
            {taskHealth(task) !== 'none' && <TaskHealthBadge task={task} />}
            {task.isKey && <TaskKeyTag />}
            {task.kind === 'rectification' && <TaskKindTag />}
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
              {task.leadUnit?.name ?? t('tasks.noLeadUnit')}
              {task.responsiblePerson ? ` · ${task.responsiblePerson.displayName}` : ''}
            </Typography.Text>
          </Flex>
          <Flex align="center" justify="space-between" gap={12} wrap>
            <TaskDeadline task={task} />
            <div style={{ flex: '1 1 120px', maxWidth: 180 }}>
              <TaskProgress task={task} />
            </div>
          </Flex>
          {showChildren && task.childCount > 0 && (
            <Button
              type="link"
              size="small"
              icon={isOpen ? <DownOutlined /> : <RightOutlined />}
              onClick={() => setIsOpen(!isOpen)}
              aria-expanded={isOpen}
              style={{ alignSelf: 'flex-start', paddingInline: 0 }}
            >
              {t('tasks.subtaskCount', { count: task.childCount })}
            </Button>
          )}
        </Flex>
      </Card>
      {isOpen && <TaskCardChildren parentId={task.id} selection={selection} />}
    </Flex>
  );
}

interface TaskCardsProps {
  tasks: readonly TaskSummary[];
  isLoading: boolean;
  empty: ReactNode;
  selection?: TaskSelection;
  isTree: boolean;
}

/** Tasks as stacked cards, for phones, where a table cannot fit. */
export function TaskCards({ tasks, isLoading, empty, selection, isTree }: TaskCardsProps) {
  if (isLoading && tasks.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (tasks.length === 0) return <>{empty}</>;
  return (
    <Flex vertical gap={12} role="list">
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} selection={selection} showChildren={isTree} />
      ))}
    </Flex>
  );
}
