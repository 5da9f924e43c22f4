import { Alert, App, Flex, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from './task-errors.js';
import { TaskPicker } from './task-picker.js';

interface TaskMoveModalProps {
  task: TaskDetail;
  onClose: () => void;
  onStale: () => void;
}

/** Moves a task under another one (found by search) or to the top level. */
export function TaskMoveModal({ task, onClose, onStale }: TaskMoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { move } = useTaskMutations();
  const [isTopLevel, setIsTopLevel] = useState(false);
  const [parentId, setParentId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const currentParent = task.ancestors.at(-1);
  const target = isTopLevel ? null : parentId;
  const isUnchanged = target === task.parentId || (!isTopLevel && parentId === null);

  const handleOk = () => {
    setError(null);
    move.mutate(
      { task, parentId: target },
      {
        onSuccess: () => {
          void message.success(t('tasks.move.done', { number: task.number }));
          onClose();
        },
        onError: (cause) => {
          if (isStaleTaskError(cause)) onStale();
          setError(isStaleTaskError(cause) ? staleTaskMessage(cause, t) : taskErrorMessage(cause, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('tasks.move.title', { number: task.number })}
      onCancel={onClose}
      onOk={handleOk}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: isUnchanged }}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Text type="secondary">
          {t('tasks.move.current', {
            parent: currentParent ? `${currentParent.number} ${currentParent.title}` : t('tasks.move.topLevel'),
          })}
        </Typography.Text>
        <Radio.Group
          value={isTopLevel ? 'top' : 'under'}
          onChange={(event) => setIsTopLevel(event.target.value === 'top')}
          options={[
            { value: 'under', label: t('tasks.move.underTask') },
            { value: 'top', label: t('tasks.move.toTop') },
          ]}
        />
        {!isTopLevel && (
          <TaskPicker
            value={parentId}
            onChange={(id) => setParentId(id)}
            excludeIds={[task.id]}
            aria-label={t('tasks.move.target')}
          />
        )}
      </Flex>
    </Modal>
  );
}
