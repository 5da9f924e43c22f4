import { Flex, Spin, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { TaskSummary } from '../../../shared/task-api.js';
import {
  TaskDeadline,
  TaskHealthBadge,
  TaskKeyTag,
  TaskKindTag,
  TaskPriorityTag,
  TaskProgress,
  TaskStatusTag,
} from '../../components/task-badges.js';
import { formatShortDateTime } from '../../lib/format.js';
import type { TaskColumn } from './task-list-prefs.js';

/** The title cell: health dot, the title as a link, the key flag, and a spinner while children load. */
export function TaskTitleCell({ task, isLoadingChildren }: { task: TaskSummary; isLoadingChildren?: boolean }) {
  return (
    <Flex align="baseline" gap={6} style={{ minWidth: 0 }}>
      <span style={{ flex: 'none' }}>
        <TaskHealthBadge task={task} showText={false} />
      </span>
      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        <Link to={`/tasks/${task.id}`} style={{ fontWeight: 500, marginInlineEnd: 6 }}>
          {task.title}
        </Link>
        {task.isKey && <TaskKeyTag />}
        {task.kind === 'rectification' && <TaskKindTag />}
        {isLoadingChildren && <Spin size="small" style={{ marginInlineStart: 6 }} />}
      </span>
    </Flex>
  );
}

interface ColumnOptions {
  t: TFunction;
  locale: string;
  visible: readonly TaskColumn[];
  /** Rows whose children are still loading (tree view). */
  loadingIds?: ReadonlySet<number>;
}

/** The task table's columns: the title always, the rest as the person chose. */
export function taskColumns({ t, locale, visible, loadingIds }: ColumnOptions): TableColumnsType<TaskSummary> {
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const all: Record<TaskColumn, TableColumnsType<TaskSummary>[number]> = {
    number: {
      key: 'number',
      title: t('tasks.fields.number'),
      dataIndex: 'number',
      width: 100,
      render: (value: string) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{value}</Typography.Text>,
    },
    status: {
      key: 'status',
      title: t('tasks.fields.status'),
      width: 96,
      render: (_value, task) => <TaskStatusTag status={task.status} />,
    },
    health: {
      key: 'health',
      title: t('tasks.fields.health'),
      width: 110,
      render: (_value, task) => <TaskHealthBadge task={task} />,
    },
    leadUnit: {
      key: 'leadUnit',
      title: t('tasks.fields.leadUnit'),
      width: 140,
      ellipsis: { showTitle: true },
      render: (_value, task) => task.leadUnit?.name ?? none,
    },
    responsiblePerson: {
      key: 'responsiblePerson',
      title: t('tasks.fields.responsiblePerson'),
      width: 90,
      ellipsis: { showTitle: true },
      render: (_value, task) => task.responsiblePerson?.displayName ?? none,
    },
    responsibleLeader: {
      key: 'responsibleLeader',
      title: t('tasks.fields.responsibleLeader'),
      width: 100,
      ellipsis: { showTitle: true },
      render: (_value, task) => task.responsibleLeader?.displayName ?? none,
    },
    deadline: {
      key: 'deadline',
      title: t('tasks.fields.deadline'),
      width: 140,
      render: (_value, task) => <TaskDeadline task={task} />,
    },
    progress: {
      key: 'progress',
      title: t('tasks.fields.progress'),
      width: 120,
      render: (_value, task) => <TaskProgress task={task} />,
    },
    priority: {
      key: 'priority',
      title: t('tasks.fields.priority'),
      width: 90,
      render: (_value, task) => <TaskPriorityTag priority={task.priority} />,
    },
    category: {
      key: 'category',
      title: t('tasks.fields.category'),
      width: 120,
      ellipsis: { showTitle: true },
      render: (_value, task) => task.category ?? none,
    },
    updatedAt: {
      key: 'updatedAt',
      title: t('tasks.fields.updatedAt'),
      width: 140,
      render: (_value, task) => formatShortDateTime(task.updatedAt, locale),
    },
  };
  const title: TableColumnsType<TaskSummary>[number] = {
    key: 'title',
    title: t('tasks.fields.title'),
    render: (_value, task) => <TaskTitleCell task={task} isLoadingChildren={loadingIds?.has(task.id)} />,
  };
  const chosen = visible.map((column) => all[column]);
  // The number reads best before the title, as in a 任务分解表.
  const numberFirst = visible.includes('number');
  return numberFirst ? [all.number, title, ...chosen.filter((column) => column.key !== 'number')] : [title, ...chosen];
}

/** The table's scroll width for the chosen columns, so narrow screens scroll inside the card. */
export function tableScrollWidth(columns: TableColumnsType<TaskSummary>): number {
  return columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 220), 40);
}
