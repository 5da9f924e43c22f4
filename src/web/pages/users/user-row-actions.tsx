import { EditOutlined, KeyOutlined, MoreOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.js';

/** What can be done to one person, wired by the page. */
export interface UserActionHandlers {
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleActive: (user: User) => void;
}

/** Edit, plus a menu with reset password and (de)activate. */
export function UserRowActions({ user, handlers }: { user: User; handlers: UserActionHandlers }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} align="center">
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => handlers.onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'reset',
              icon: <KeyOutlined />,
              label: t('users.resetPassword'),
              onClick: () => handlers.onResetPassword(user),
            },
            user.active
              ? {
                  key: 'deactivate',
                  icon: <StopOutlined />,
                  danger: true,
                  label: t('users.deactivate'),
                  onClick: () => handlers.onToggleActive(user),
                }
              : {
                  key: 'activate',
                  icon: <UndoOutlined />,
                  label: t('users.activate'),
                  onClick: () => handlers.onToggleActive(user),
                },
          ],
        }}
      >
        <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('common.more')} />
      </Dropdown>
    </Flex>
  );
}
