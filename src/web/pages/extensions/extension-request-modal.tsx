import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTENSION_LIMITS } from '../../../shared/extensions-api.js';
import { useExtensionMutations } from '../../api/extensions.queries.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { optionalText, requiredText, requiredValue } from '../../lib/form-rules.js';
import { formatDay } from '../tasks/task-view-model.js';

interface ExtensionValues {
  reason: string;
  progress: number;
  progressNote?: string;
  proposedDeadline: Dayjs;
}

interface ExtensionRequestModalProps {
  taskId: number;
  /** The deadline in force: the new one must be later. */
  deadline: string;
  /** The task's progress, offered as the progress so far. */
  progress: number;
  onClose: () => void;
}

/** The lead unit's extension request: why, how far the work has got, and the date asked for. */
export function ExtensionRequestModal({ taskId, deadline, progress, onClose }: ExtensionRequestModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtensionValues>();
  const { request } = useExtensionMutations(taskId);
  const [error, setError] = useState<string | null>(null);
  const shownDeadline = formatDay(deadline, currentLocale());

  const handleFinish = (values: ExtensionValues) => {
    setError(null);
    request.mutate(
      {
        reason: values.reason.trim(),
        progress: values.progress,
        progressNote: values.progressNote?.trim() || null,
        proposedDeadline: values.proposedDeadline.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('extensions.form.done'));
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('extensions.request')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('extensions.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('extensions.form.intro', { deadline: shownDeadline })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<ExtensionValues>
        form={form}
        layout="vertical"
        initialValues={{ progress: Math.round(progress) }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="proposedDeadline"
          label={t('extensions.form.proposedDeadline')}
          extra={t('extensions.form.proposedHelp', { deadline: shownDeadline })}
          rules={requiredValue(t, t('extensions.form.proposedDeadline'))}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => !day.isAfter(dayjs(deadline), 'day')}
            defaultPickerValue={dayjs(deadline).add(1, 'month')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('extensions.form.reason')}
          rules={requiredText(t, t('extensions.form.reason'), EXTENSION_LIMITS.reasonMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={EXTENSION_LIMITS.reasonMax}
            placeholder={t('extensions.form.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="progress"
          label={t('extensions.form.progress')}
          rules={requiredValue(t, t('extensions.form.progress'))}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="progressNote"
          label={t('extensions.form.progressNote')}
          rules={optionalText(t, t('extensions.form.progressNote'), EXTENSION_LIMITS.progressNoteMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={EXTENSION_LIMITS.progressNoteMax}
            placeholder={t('extensions.form.progressNotePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
