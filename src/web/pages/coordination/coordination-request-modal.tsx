import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATION_LIMITS } from '../../../shared/coordination-api.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { TargetChoice } from './coordination-target-fields.js';
import { useCoordinationMutations } from './use-coordination.js';

interface RequestValues {
  targetKind: 'unit' | 'leader';
  toUnitId?: number | null;
  toLeaderId?: number | null;
  matter: string;
  dueDate: Dayjs;
}

/** A new coordination request from the caller's unit: whom to ask, what for, and by when. */
export function CoordinationRequestModal({
  taskId,
  fromUnit,
  onClose,
}: {
  taskId: number;
  fromUnit: { id: number; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const { create } = useCoordinationMutations(taskId);
  const [error, setError] = useState<string | null>(null);
  const matterLabel = t('coordination.fields.matter');
  const dueLabel = t('coordination.fields.dueDate');

  const handleFinish = (values: RequestValues) => {
    setError(null);
    const toLeader = values.targetKind === 'leader';
    create.mutate(
      {
        fromUnitId: fromUnit.id,
        ...(toLeader ? { toLeaderId: values.toLeaderId ?? null } : { toUnitId: values.toUnitId ?? null }),
        matter: values.matter.trim(),
        dueDate: values.dueDate.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('coordination.form.done'));
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('coordination.ask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('coordination.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('coordination.form.intro', { unit: fromUnit.name })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<RequestValues>
        form={form}
        layout="vertical"
        initialValues={{ targetKind: 'unit', dueDate: dayjs().add(5, 'day') }}
        onFinish={handleFinish}
      >
        <TargetChoice excludedUnitIds={new Set([fromUnit.id])} />
        <Form.Item
          name="matter"
          label={matterLabel}
          rules={requiredText(t, matterLabel, COORDINATION_LIMITS.matterMax)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={COORDINATION_LIMITS.matterMax}
            placeholder={t('coordination.fields.matterPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={dueLabel} rules={requiredValue(t, dueLabel)}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
