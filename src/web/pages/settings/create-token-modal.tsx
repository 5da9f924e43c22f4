import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.js';
import { useCreateToken } from '../../api/auth.queries.js';
import type { CreateTokenInput } from '../../api/me.api.js';
import { errorMessage } from '../../lib/error-message.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { requiredText } from '../../lib/form-rules.js';

interface CreateTokenValues {
  name: string;
  expiresInDays?: number | null;
}

const FIELDS = ['name', 'expiresInDays'];

/** Names a new token, then shows its secret exactly once with a warning to copy it. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateTokenValues>();
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const handleClose = () => {
    setSecret(null);
    setFormError(null);
    create.reset();
    form.resetFields();
    onClose();
  };

  const handleFinish = (values: CreateTokenValues) => {
    setFormError(null);
    const input: CreateTokenInput = { name: values.name.trim() };
    if (values.expiresInDays) input.expiresInDays = values.expiresInDays;
    create.mutate(input, {
      onSuccess: (created) => setSecret(created.token),
      onError: (error) => {
        if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, t));
      },
    });
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('settings.tokens.createdTitle')}
        onCancel={handleClose}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={handleClose}>
            {t('common.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('settings.tokens.createdWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
          className="secret-box"
          data-testid="new-token"
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('settings.tokens.create')}
      onCancel={handleClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<CreateTokenValues> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('settings.tokens.name')}
          rules={requiredText(t, t('settings.tokens.name'), LIMITS.tokenNameMax)}
        >
          <Input placeholder={t('settings.tokens.namePlaceholder')} maxLength={LIMITS.tokenNameMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('settings.tokens.expiresInDays')}
          extra={t('settings.tokens.expiresHelp')}
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
