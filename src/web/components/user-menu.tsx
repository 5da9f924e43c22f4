import { BellOutlined, DownOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../api/auth.queries.js';
import { useCurrentUser } from '../auth/current-user.js';

/** The signed-in person's name and unit, with settings and sign-out behind it. */
export function UserMenu({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const unitName = user.unitName ?? t('header.noUnit');

  const handleSignOut = () => {
    // Whether or not the server answered, this browser is signed out from here on.
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate('/login', { replace: true });
        queryClient.clear();
        void message.success(t('header.signedOut'));
      },
    });
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(compact
            ? [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <Flex vertical>
                      <Typography.Text strong>{user.displayName}</Typography.Text>
                      <Typography.Text type="secondary">{unitName}</Typography.Text>
                    </Flex>
                  ),
                },
                { type: 'divider' as const },
              ]
            : []),
          {
            key: 'settings',
            icon: <SettingOutlined />,
            label: t('nav.settings'),
            onClick: () => navigate('/settings'),
          },
          {
            key: 'notification-prefs',
            icon: <BellOutlined />,
            label: t('channels.prefs.link'),
            onClick: () => navigate('/notifications/preferences'),
          },
          { type: 'divider' as const },
          { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('header.signOut'), onClick: handleSignOut },
        ],
      }}
    >
      <Button type="text" aria-label={t('header.userMenu')} style={{ height: 'auto', paddingBlock: 4, maxWidth: 280 }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4f91', flex: 'none' }} />
          {!compact && (
            <Flex vertical align="flex-start" style={{ minWidth: 0, lineHeight: 1.3 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
                {user.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200, fontSize: 12 }}>
                {unitName}
              </Typography.Text>
            </Flex>
          )}
          {!compact && <DownOutlined style={{ fontSize: 10 }} />}
        </Flex>
      </Button>
    </Dropdown>
  );
}
