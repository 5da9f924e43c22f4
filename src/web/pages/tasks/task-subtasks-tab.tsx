import { ApartmentOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Skeleton, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TaskDetail, TaskSummary } from '../../../shared/task-api.js';
import { useTaskMutations, useTaskTree } from '../../api/tasks.queries.js';
import { LoadError } from '../../components/load-error.js';
import { TaskDeadline, TaskProgress, TaskStatusTag } from '../../components/task-badges.js';
import { TaskTitleCell } from './task-columns.js';
import { taskErrorMessage } from './task-errors.js';
import { buildTaskTree, parentIds } from './task-view-model.js';

interface TaskSubtasksTabProps {
  task: TaskDetail;
  onDecompose: () => void;
}

/** The whole subtree, open to every level, with each node's (rolled-up) progress. */
export function TaskSubtasksTab({ task, onDecompose }: TaskSubtasksTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useTaskTree(task.id);
  const rows = useMemo(() => buildTaskTree(tree.data ?? [], task.id), [tree.data, task.id]);
  const expanded = useMemo(() => parentIds(rows), [rows]);
  const { message, modal } = App.useApp();
  const { bulk } = useTaskMutations();
  // Assigning a task leaves its subtasks as drafts; offer to assign them all at once.
  const draftIds = (tree.data ?? [])
    .filter((item) => item.id !== task.id && item.status === 'draft')
    .map((item) => item.id);

  const handleAssignDrafts = () =>
    modal.confirm({
      title: t('tasks.assignDrafts.title', { count: draftIds.length }),
      content: t('tasks.assignDrafts.description'),
      okText: t('tasks.actions.assign'),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk.mutateAsync({ taskIds: draftIds, operation: { kind: 'assign' } }).then(
          ({ updated }) => void message.success(t('tasks.bulk.done', { count: updated })),
          (error: unknown) => void message.error(taskErrorMessage(error, t)),
        ),
    });

  const actions = task.canEdit && (
    <Flex gap={8} wrap>
      <Button icon={<ApartmentOutlined />} onClick={onDecompose}>
        {t('tasks.decompose.button')}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => navigate(`/tasks/new?parentId=${task.id}`)}>
        {t('tasks.addSubtask')}
      </Button>
      {draftIds.length > 0 && task.status !== 'draft' && (
        <Button icon={<SendOutlined />} onClick={handleAssignDrafts} loading={bulk.isPending}>
          {t('tasks.assignDrafts.button', { count: draftIds.length })}
        </Button>
      )}
    </Flex>
  );

  if (tree.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  if (rows.length === 0) {
    return (
      <Empty description={t('tasks.noSubtasks')}>
        <Typography.Paragraph type="secondary" className="balanced" style={{ maxWidth: 400, margin: '0 auto 12px' }}>
          {task.canEdit ? t('tasks.noSubtasksHelpSupervisor') : t('tasks.noSubtasksHelp')}
        </Typography.Paragraph>
        {actions && <Flex justify="center">{actions}</Flex>}
      </Empty>
    );
  }

  const columns: TableColumnsType<TaskSummary> = [
    { key: 'number', title: t('tasks.fields.number'), dataIndex: 'number', width: 150 },
    { key: 'title', title: t('tasks.fields.title'), render: (_value, row) => <TaskTitleCell task={row} /> },
    {
      key: 'leadUnit',
      title: t('tasks.fields.leadUnit'),
      width: 160,
      ellipsis: { showTitle: true },
      render: (_value, row) => row.leadUnit?.name ?? t('common.none'),
    },
    {
      key: 'deadline',
      title: t('tasks.fields.deadline'),
      width: 160,
      render: (_value, row) => <TaskDeadline task={row} />,
    },
    {
      key: 'status',
      title: t('tasks.fields.status'),
      width: 100,
      render: (_value, row) => <TaskStatusTag status={row.status} />,
    },
    {
      key: 'progress',
      title: t('tasks.fields.progress'),
      width: 140,
      render: (_value, row) => <TaskProgress task={row} />,
    },
  ];
  return (
    <Flex vertical gap={12}>
      {actions}
      <Table<TaskSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{ defaultExpandedRowKeys: expanded, indentSize: 16, expandIconColumnIndex: 1 }}
      />
    </Flex>
  );
}
