import { Card, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.js';
import { RoleTags } from '../../components/role-tags.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { type UserActionHandlers, UserRowActions } from './user-row-actions.js';
import { UserStatus } from './user-status.js';

interface UserCardsProps {
  users: User[];
  isLoading: boolean;
  empty: ReactNode;
  handlers: UserActionHandlers;
}

/** People as stacked cards, for phones, where a seven-column table cannot fit. */
export function UserCards({ users, isLoading, empty, handlers }: UserCardsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (isLoading && users.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (users.length === 0) return <>{empty}</>;
  return (
    <Flex vertical gap={12} role="list">
      {users.map((user) => (
        <Card key={user.id} size="small" role="listitem">
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {user.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {user.username} · {user.unitName ?? t('common.none')}
              </Typography.Text>
            </Flex>
            <span style={{ flex: 'none' }}>
              <UserStatus active={user.active} />
            </span>
          </Flex>
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            <RoleTags roles={user.roles} />
            <Flex justify="space-between" align="center" wrap gap={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('users.lastLoginLine', { time: formatDateTime(user.lastLoginAt, locale, t('users.neverLoggedIn')) })}
              </Typography.Text>
              <span style={{ marginInlineStart: 'auto' }}>
                <UserRowActions user={user} handlers={handlers} />
              </span>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
