import { App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';
import { taskErrorMessage } from './task-errors.js';
import { TaskForm } from './task-form.js';
import {
  changedTaskFields,
  TASK_FORM_FIELDS,
  type TaskFormValues,
  taskToFormValues,
  toTaskFields,
} from './task-form-values.js';

interface TaskEditDrawerProps {
  /** The latest version of the task (the page re-renders us after a reload). */
  task: TaskDetail;
  onClose: () => void;
}

/** Edit a task's fields with the register form; sends only what changed, with the version. */
export function TaskEditDrawer({ task, onClose }: TaskEditDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<TaskFormValues>();
  const { update } = useTaskMutations();
  const initialValues = useMemo(() => taskToFormValues(task), [task]);

  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: TASK_FORM_FIELDS,
    conflictText: t('tasks.errors.conflict'),
    version: task.version,
    message: (error) => taskErrorMessage(error, t),
  });

  const handleFinish = (values: TaskFormValues) => {
    clearFormError();
    const body = changedTaskFields(toTaskFields(initialValues), toTaskFields(values), task.version);
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate(
      { id: task.id, ...body },
      {
        onSuccess: () => {
          void message.success(t('tasks.saved'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('tasks.editTitle', { number: task.number })}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert error={formError} />
      <TaskForm
        form={form}
        initialValues={initialValues}
        onFinish={handleFinish}
        task={task}
        allowWorkingDays={task.status === 'draft'}
      />
    </Drawer>
  );
}
