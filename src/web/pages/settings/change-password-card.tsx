import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.js';
import { useChangePassword } from '../../api/auth.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { applyFieldErrors } from '../../lib/form-errors.js';
import { confirmPasswordRules, passwordRules } from '../../lib/form-rules.js';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'];

/** Change your own password: current, new, and the new one again. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);

  const handleFinish = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    setFormError(null);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('settings.password.success'));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Card title={t('settings.password.title')}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('settings.password.current')}
          rules={[{ required: true, message: t('validation.required', { field: t('settings.password.current') }) }]}
        >
          <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('settings.password.new')}
          extra={t('settings.password.help', { min: LIMITS.passwordMin })}
          rules={passwordRules(t, t('settings.password.new'))}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('settings.password.confirm')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules(t, t('settings.password.confirm'), 'newPassword')}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          {t('settings.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
