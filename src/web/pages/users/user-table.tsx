import { Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.js';
import { RoleTags } from '../../components/role-tags.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { type UserActionHandlers, UserRowActions } from './user-row-actions.js';
import { UserStatus } from './user-status.js';

interface UserTableProps {
  users: User[];
  isLoading: boolean;
  empty: ReactNode;
  handlers: UserActionHandlers;
}

/** People as a table, for wide screens; scrolls sideways inside its card if space runs out. */
export function UserTable({ users, isLoading, empty, handlers }: UserTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: TableColumnsType<User> = [
    {
      title: t('users.columns.username'),
      dataIndex: 'username',
      width: 170,
      ellipsis: true,
      // Usernames are identifiers: one line, cut with an ellipsis (full name on hover), never broken mid-word.
      render: (username: string) => (
        <Typography.Text code ellipsis={{ tooltip: username }} style={{ maxWidth: '100%', whiteSpace: 'nowrap' }}>
          {username}
        </Typography.Text>
      ),
    },
    { title: t('users.columns.displayName'), dataIndex: 'displayName', width: 110, ellipsis: { showTitle: true } },
    {
      title: t('users.columns.unit'),
      dataIndex: 'unitName',
      ellipsis: { showTitle: true },
      render: (unitName: string | null) =>
        unitName ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('users.columns.roles'),
      dataIndex: 'roles',
      width: 170,
      render: (_roles, user) => <RoleTags roles={user.roles} />,
    },
    {
      title: t('users.columns.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => <UserStatus active={active} />,
    },
    {
      title: t('users.columns.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (value: string | null) => formatShortDateTime(value, locale, t('users.neverLoggedIn')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      width: 120,
      render: (_value, user) => <UserRowActions user={user} handlers={handlers} />,
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={isLoading}
      pagination={false}
      scroll={{ x: 940 }}
      locale={{ emptyText: empty }}
    />
  );
}
