import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.js';
import type { User } from '../../api/types.js';
import { useUserMutations } from '../../api/users.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { confirmPasswordRules, passwordRules } from '../../lib/form-rules.js';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

/** Sets a new password for someone; warns that it signs them out everywhere. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResetValues>();
  const { resetPassword } = useUserMutations();
  const [formError, setFormError] = useState<string | null>(null);

  const handleFinish = ({ password }: ResetValues) => {
    setFormError(null);
    resetPassword.mutate(
      { user, password },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['password'])) setFormError(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetDescription')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ResetValues> form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('settings.password.help', { min: LIMITS.passwordMin })}
          rules={passwordRules(t, t('users.newPassword'))}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={confirmPasswordRules(t, t('users.confirmPassword'), 'password')}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
