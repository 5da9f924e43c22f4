import {
  ApartmentOutlined,
  CheckOutlined,
  DeleteOutlined,
  DeliveredProcedureOutlined,
  EditOutlined,
  MoreOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TRANSITIONS } from '../../../domain/task-lifecycle.js';
import type { TaskDetail } from '../../../shared/task-api.js';
import { TASK_ACTIONS, type TaskAction } from '../../../shared/tasks.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from './task-errors.js';
import { TaskReasonModal } from './task-reason-modal.js';

/** The edit dialogs the page opens. */
export type TaskDialog = 'edit' | 'decompose' | 'move';

/** The step forward in the lifecycle is the primary button; cancel is the dangerous one. */
const PRIMARY: readonly TaskAction[] = ['assign', 'acknowledge', 'request_closure', 'close', 'resume'];

interface TaskActionBarProps {
  task: TaskDetail;
  onOpen: (dialog: TaskDialog) => void;
  /** Called after a 409: the page reloads the task. */
  onStale: () => void;
}

/** The status actions the server allows now, plus (for supervisors) edit, decompose, move, delete. */
export function TaskActionBar({ task, onOpen, onStale }: TaskActionBarProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { transition, remove } = useTaskMutations();
  const [reasonFor, setReasonFor] = useState<TaskAction | null>(null);
  const actions = TASK_ACTIONS.filter((action) => task.allowedActions.includes(action));

  const handleError = (error: unknown) => {
    if (isStaleTaskError(error)) {
      void message.warning(staleTaskMessage(error, t));
      onStale();
      return;
    }
    void message.error(taskErrorMessage(error, t));
  };

  const run = (action: TaskAction, reason?: string) =>
    transition.mutateAsync({ task, action, reason }).then(
      () => {
        void message.success(t(`tasks.actionDone.${action}`));
        setReasonFor(null);
      },
      (error: unknown) => {
        setReasonFor(null);
        handleError(error);
      },
    );

  const handleAction = (action: TaskAction) => {
    if (TRANSITIONS[action].needsReason) {
      setReasonFor(action);
      return;
    }
    if (action === 'acknowledge') {
      void run(action);
      return;
    }
    modal.confirm({
      title: t(`tasks.actions.${action}`),
      content: t(`tasks.actionHelp.${action}`),
      okText: t(`tasks.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });
  };

  const handleDelete = () =>
    modal.confirm({
      title: t('tasks.deleteConfirm', { title: task.title }),
      content: task.childCount > 0 ? t('tasks.deleteWithSubtasks', { count: task.childCount }) : t('tasks.deleteHelp'),
      okText: t('tasks.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: task.id, version: task.version }).then(() => {
          void message.success(t('tasks.deleted', { number: task.number }));
          navigate('/tasks', { replace: true });
        }, handleError),
    });

  const editItems: MenuProps['items'] = task.canEdit
    ? [
        { key: 'edit', icon: <EditOutlined />, label: t('common.edit'), onClick: () => onOpen('edit') },
        {
          key: 'decompose',
          icon: <ApartmentOutlined />,
          label: t('tasks.decompose.button'),
          onClick: () => onOpen('decompose'),
        },
        {
          key: 'subtask',
          icon: <PlusOutlined />,
          label: t('tasks.addSubtask'),
          onClick: () => navigate(`/tasks/new?parentId=${task.id}`),
        },
        {
          key: 'move',
          icon: <DeliveredProcedureOutlined />,
          label: t('tasks.move.button'),
          onClick: () => onOpen('move'),
        },
        ...(task.status === 'draft'
          ? [
              { type: 'divider' as const },
              {
                key: 'delete',
                icon: <DeleteOutlined />,
                danger: true,
                label: t('tasks.delete'),
                onClick: handleDelete,
              },
            ]
          : []),
      ]
    : [];

  const busy = transition.isPending ? transition.variables?.action : undefined;
  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          type={PRIMARY.includes(action) ? 'primary' : 'default'}
          danger={action === 'cancel'}
          icon={action === 'acknowledge' ? <CheckOutlined /> : undefined}
          loading={busy === action}
          disabled={busy !== undefined && busy !== action}
          onClick={() => handleAction(action)}
        >
          {t(`tasks.actions.${action}`)}
        </Button>
      ))}
      {task.canEdit && (
        <>
          <Button icon={<EditOutlined />} onClick={() => onOpen('edit')}>
            {t('common.edit')}
          </Button>
          <Dropdown trigger={['click']} menu={{ items: editItems.filter((item) => item?.key !== 'edit') }}>
            <Button icon={<MoreOutlined />}>{t('common.more')}</Button>
          </Dropdown>
        </>
      )}
      {reasonFor && (
        <TaskReasonModal
          action={reasonFor}
          isPending={transition.isPending}
          onSubmit={(reason) => void run(reasonFor, reason)}
          onClose={() => setReasonFor(null)}
        />
      )}
    </Flex>
  );
}
