import { Alert, App, Button, Card, Flex, Form, Grid, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTask, useTaskMutations } from '../../api/tasks.queries.js';
import { PageHeader } from '../../components/page-header.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { taskErrorMessage } from './task-errors.js';
import { TaskForm } from './task-form.js';
import {
  emptyTaskForm,
  TASK_FORM_FIELDS,
  type TaskFormValues,
  toCreateInput,
  toTaskFields,
} from './task-form-values.js';

/** The parent named in `?parentId=`, shown above the form so it is clear where the task goes. */
function ParentNotice({ parentId }: { parentId: number }) {
  const { t } = useTranslation();
  const parent = useTask(parentId);
  if (parent.isPending) return <Skeleton.Input active block style={{ marginBottom: 16 }} />;
  if (parent.isError)
    return <Alert type="error" showIcon title={t('tasks.form.parentMissing')} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      description={t('tasks.form.inheritHint')}
      title={
        <span>
          {t('tasks.form.asSubtaskOf')}{' '}
          <Link to={`/tasks/${parent.data.id}`}>
            {parent.data.number} {parent.data.title}
          </Link>
        </span>
      }
    />
  );
}

/** 立项: register a task (as a draft); `?parentId=` makes it a subtask, `?sourceId=` preselects the source. */
export function TaskRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TaskFormValues>();
  const isMobile = Grid.useBreakpoint().md === false;
  const { create } = useTaskMutations();
  const [formError, setFormError] = useState<string | null>(null);
  const parentId = Number(params.get('parentId')) || null;
  const sourceId = Number(params.get('sourceId')) || null;
  const initialValues = useMemo(() => ({ ...emptyTaskForm(), sourceId }), [sourceId]);

  const handleFinish = (values: TaskFormValues) => {
    setFormError(null);
    create.mutate(toCreateInput(toTaskFields(values), parentId), {
      onSuccess: (task) => {
        void message.success(t('tasks.registered', { number: task.number }));
        navigate(`/tasks/${task.id}`);
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, TASK_FORM_FIELDS)) setFormError(taskErrorMessage(error, t));
      },
    });
  };

  return (
    <>
      <PageHeader
        title={parentId ? t('tasks.registerSubtaskTitle') : t('tasks.registerTitle')}
        subtitle={t('tasks.registerSubtitle')}
      />
      <Card styles={{ body: { padding: isMobile ? 16 : 24, maxWidth: 960 } }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <TaskForm
          form={form}
          initialValues={initialValues}
          onFinish={handleFinish}
          allowWorkingDays
          header={parentId ? <ParentNotice parentId={parentId} /> : undefined}
        />
        <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 8 }}>
          <Button onClick={() => navigate(parentId ? `/tasks/${parentId}` : '/tasks')}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('tasks.registerSubmit')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
