import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens } from '../../api/auth.queries.js';
import type { Token } from '../../api/types.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatDate, formatShortDateTime } from '../../lib/format.js';
import { CreateTokenModal } from './create-token-modal.js';

type TokenStatus = 'active' | 'revoked' | 'expired';

function tokenStatus(token: Token, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** Personal API tokens: list, create (secret shown once), revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [isCreating, setIsCreating] = useState(false);
  const locale = currentLocale();
  const now = Date.now();

  const handleRevoke = (token: Token) =>
    revoke.mutateAsync(token.id).then(
      () => void message.success(t('settings.tokens.revoked')),
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  const statusTag: Record<TokenStatus, { color: string; label: string }> = {
    active: { color: 'green', label: t('settings.tokens.statusActive') },
    revoked: { color: 'default', label: t('settings.tokens.statusRevoked') },
    expired: { color: 'orange', label: t('settings.tokens.statusExpired') },
  };

  const columns: TableColumnsType<Token> = [
    {
      title: t('settings.tokens.columns.name'),
      dataIndex: 'name',
      render: (name: string, token) => (
        <Flex vertical gap={2} style={{ minWidth: 120 }}>
          <span>{name}</span>
          <Typography.Text code style={{ fontSize: 12 }} aria-label={t('settings.tokens.columns.prefix')}>
            {token.prefix}…
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('settings.tokens.columns.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatShortDateTime(value, locale),
    },
    {
      title: t('settings.tokens.columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (value: string | null) => formatShortDateTime(value, locale, t('settings.tokens.neverUsed')),
    },
    {
      title: t('settings.tokens.columns.expiresAt'),
      dataIndex: 'expiresAt',
      render: (value: string | null) => formatDate(value, locale, t('settings.tokens.never')),
    },
    {
      title: t('settings.tokens.columns.status'),
      key: 'status',
      render: (_value, token) => {
        const tag = statusTag[tokenStatus(token, now)];
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      render: (_value, token) =>
        tokenStatus(token, now) === 'revoked' ? null : (
          <Popconfirm
            title={t('settings.tokens.revokeConfirm', { name: token.name })}
            description={t('settings.tokens.revokeDescription')}
            okText={t('settings.tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => handleRevoke(token)}
          >
            <Button type="link" danger size="small">
              {t('settings.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('settings.tokens.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
          {t('settings.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.tokens.description')}</Typography.Paragraph>
      {tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<Token>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={tokens.data?.items}
          loading={tokens.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('settings.tokens.emptyDescription')} /> }}
        />
      )}
      <CreateTokenModal open={isCreating} onClose={() => setIsCreating(false)} />
    </Card>
  );
}
