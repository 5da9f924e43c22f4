import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LIMITS } from '../../shared/limits.js';
import type { LoginInput } from '../api/auth.api.js';
import { useHealth, useLogin } from '../api/auth.queries.js';
import { Brand } from '../components/brand.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { errorMessage } from '../lib/error-message.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** Only same-site paths, so a crafted link cannot send people elsewhere after they sign in. */
function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** Leaders and the supervision office land on the cockpit (issue 8); everyone else on Home. */
function landingOf(roles: readonly string[]): string {
  return roles.includes('leader') || roles.includes('supervisor') ? '/cockpit' : '/';
}

/** Sign in with username and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const health = useHealth();
  useDocumentTitle(t('login.title'));

  const handleFinish = (values: LoginInput) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: ({ user }) => navigate(safeNext(params.get('next')) ?? landingOf(user.roles), { replace: true }),
      },
    );
  };

  return (
    <Flex vertical align="center" className="login-page">
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Flex component="main" vertical align="center" justify="center" style={{ flex: 1, width: '100%' }}>
        <Card className="login-card" variant="borderless">
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <Brand size="large" />
            <Typography.Text type="secondary" className="balanced" style={{ textAlign: 'center' }}>
              {t('app.tagline')}
            </Typography.Text>
          </Flex>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          {params.get('expired') && !login.isError && (
            <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          {login.isError && (
            <Alert type="error" showIcon title={errorMessage(login.error, t)} style={{ marginBottom: 16 }} />
          )}
          <Form<LoginInput> layout="vertical" onFinish={handleFinish} requiredMark={false} size="large">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" maxLength={LIMITS.usernameMax} autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                maxLength={LIMITS.passwordMax}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, padding: 16 }}>
        {t('app.name')} {t('app.latinName')}
        {health.data ? ` · ${t('login.version', { version: health.data.version })}` : ''}
      </Typography.Text>
    </Flex>
  );
}
