import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTION_LIMITS } from '../../../shared/instructions-api.js';
import { useInstructionMutations } from '../../api/instructions.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { InstructionTaskPicker } from './instruction-task-picker.js';

interface InstructionValues {
  taskIds: number[];
  body: string;
  respondBy: Dayjs;
}

interface InstructionFormModalProps {
  /** The tasks, when already chosen (a task's page, the task list's selection); else a picker is shown. */
  taskIds?: readonly number[];
  onClose: () => void;
  onDone?: () => void;
}

/** A leader's instruction (批示) on one task or several, with the date the lead units report by. */
export function InstructionFormModal({ taskIds, onClose, onDone }: InstructionFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InstructionValues>();
  const { issue } = useInstructionMutations();
  const [error, setError] = useState<string | null>(null);
  const fixed = taskIds !== undefined;
  const title =
    fixed && taskIds.length === 1
      ? t('instructions.title')
      : fixed
        ? t('instructions.form.titleMany', { count: taskIds.length })
        : t('instructions.issueMany');

  const handleFinish = (values: InstructionValues) => {
    setError(null);
    issue.mutate(
      {
        taskIds: fixed ? [...taskIds] : values.taskIds,
        body: values.body.trim(),
        respondBy: values.respondBy.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (issued) => {
          void message.success(t('instructions.form.done', { count: issued.taskIds.length }));
          onDone?.();
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('instructions.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<InstructionValues>
        form={form}
        layout="vertical"
        initialValues={{ respondBy: dayjs().add(7, 'day'), taskIds: [] }}
        onFinish={handleFinish}
      >
        {!fixed && (
          <Form.Item
            name="taskIds"
            label={t('instructions.form.tasks')}
            rules={[
              ...requiredValue(t, t('instructions.form.tasks')),
              {
                type: 'array',
                max: INSTRUCTION_LIMITS.tasksMax,
                message: t('instructions.form.tasksMax', { max: INSTRUCTION_LIMITS.tasksMax }),
              },
            ]}
          >
            <InstructionTaskPicker />
          </Form.Item>
        )}
        <Form.Item
          name="body"
          label={t('instructions.form.body')}
          rules={requiredText(t, t('instructions.form.body'), INSTRUCTION_LIMITS.bodyMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={INSTRUCTION_LIMITS.bodyMax}
            placeholder={t('instructions.form.bodyPlaceholder')}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="respondBy"
          label={t('instructions.form.respondBy')}
          extra={t('instructions.form.respondByHelp')}
          rules={requiredValue(t, t('instructions.form.respondBy'))}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
