import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, type FormInstance, Input, Modal, Typography } from 'antd';
import { type ClipboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { TASK_LIMITS } from '../../../shared/tasks.js';
import { ApiError } from '../../api/http.js';
import { useTaskMutations } from '../../api/tasks.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { toNamePath } from '../../lib/form-errors.js';
import { isStaleTaskError, staleTaskMessage, taskErrorMessage } from './task-errors.js';
import { type SubtaskRow, splitPastedTitles, toSubtasks } from './task-form-values.js';

interface DecomposeValues {
  subtasks: SubtaskRow[];
}

const EMPTY_ROWS: SubtaskRow[] = [{}, {}, {}];

/** Puts `subtasks.1.deadline`-style API errors next to the row field they name; false if none did. */
function applyRowErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const entries = [...error.errors, ...(error.field ? [{ field: error.field, detail: error.detail }] : [])];
  const fields = entries
    .map((entry) => ({ name: toNamePath(entry.field), errors: [entry.detail || error.detail] }))
    .filter((entry) => entry.name[0] === 'subtasks' && typeof entry.name[1] === 'number' && entry.name.length === 3);
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

interface TaskDecomposeModalProps {
  task: TaskDetail;
  onClose: () => void;
  /** The subtasks were created. */
  onDone: () => void;
  onStale: () => void;
}

/**
 * 分解: several subtasks at once, one row each (title, optional lead unit and deadline; empty
 * ones inherit from this task). Pasting several lines into a title fills several rows.
 */
export function TaskDecomposeModal({ task, onClose, onDone, onStale }: TaskDecomposeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecomposeValues>();
  const { decompose } = useTaskMutations();
  const [formError, setFormError] = useState<string | null>(null);

  const handlePaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const titles = splitPastedTitles(event.clipboardData.getData('text'));
    if (titles.length < 2) return;
    event.preventDefault();
    const rows = [...(form.getFieldValue('subtasks') as SubtaskRow[])];
    titles.forEach((title, offset) => {
      rows[index + offset] = { ...rows[index + offset], title };
    });
    form.setFieldValue('subtasks', rows.slice(0, TASK_LIMITS.decomposeMax));
  };

  const handleFinish = (values: DecomposeValues) => {
    setFormError(null);
    const subtasks = toSubtasks(values.subtasks);
    if (subtasks.length === 0) {
      setFormError(t('tasks.decompose.needOne'));
      return;
    }
    decompose.mutate(
      { task, subtasks },
      {
        onSuccess: ({ items }) => {
          void message.success(t('tasks.decompose.done', { count: items.length }));
          onDone();
        },
        onError: (error) => {
          if (isStaleTaskError(error)) {
            setFormError(staleTaskMessage(error, t));
            onStale();
            return;
          }
          if (!applyRowErrors(form, error)) setFormError(taskErrorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('tasks.decompose.title', { number: task.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tasks.decompose.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={decompose.isPending}
      destroyOnHidden
      width={820}
    >
      <Typography.Paragraph type="secondary">{t('tasks.decompose.help')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<DecomposeValues>
        form={form}
        layout="vertical"
        initialValues={{ subtasks: EMPTY_ROWS }}
        onFinish={handleFinish}
      >
        <Form.List name="subtasks">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap className="task-decompose-row">
                  <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px', flex: 'none' }}>
                    {index + 1}.
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'title']}
                    style={{ flex: '3 1 240px', minWidth: 0, marginBottom: 0 }}
                    rules={[
                      {
                        max: TASK_LIMITS.titleMax,
                        message: t('validation.maxLength', {
                          field: t('tasks.fields.title'),
                          max: TASK_LIMITS.titleMax,
                        }),
                      },
                    ]}
                  >
                    <Input
                      placeholder={t('tasks.decompose.titlePlaceholder')}
                      aria-label={t('tasks.decompose.titleN', { n: index + 1 })}
                      maxLength={TASK_LIMITS.titleMax}
                      onPaste={handlePaste(field.name)}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'leadUnitId']}
                    style={{ flex: '2 1 180px', minWidth: 0, marginBottom: 0 }}
                  >
                    <UnitTreeSelect
                      placeholder={t('tasks.decompose.inheritUnit')}
                      aria-label={t('tasks.decompose.unitN', { n: index + 1 })}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'deadline']}
                    style={{ flex: '1 1 140px', minWidth: 0, marginBottom: 0 }}
                  >
                    <DatePicker
                      style={{ width: '100%' }}
                      placeholder={t('tasks.decompose.inheritDeadline')}
                      aria-label={t('tasks.decompose.deadlineN', { n: index + 1 })}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    disabled={fields.length === 1}
                    aria-label={t('tasks.decompose.removeN', { n: index + 1 })}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={fields.length >= TASK_LIMITS.decomposeMax}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('tasks.decompose.addRow')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
