import { Alert, App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { isApiError } from '../../api/http.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
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
  const [formError, setFormError] = useState<{ text: string; isConflict: boolean } | null>(null);
  const initialValues = useMemo(() => taskToFormValues(task), [task]);

  // When a conflict reloads the task, start again from the latest values (not the stale edits).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever a new version arrives
  useEffect(() => {
    form.resetFields();
  }, [task.version, form]);

  const handleFinish = (values: TaskFormValues) => {
    setFormError(null);
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
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) {
            setFormError({ text: t('tasks.errors.conflict'), isConflict: true });
            return;
          }
          if (!applyFieldErrors(form, error, TASK_FORM_FIELDS))
            setFormError({ text: taskErrorMessage(error, t), isConflict: false });
        },
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
      {formError && (
        <Alert
          type={formError.isConflict ? 'warning' : 'error'}
          showIcon
          title={formError.text}
          style={{ marginBottom: 16 }}
        />
      )}
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
