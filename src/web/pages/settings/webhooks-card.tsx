import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookView } from '../../api/channels.api.js';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook, useWebhooks } from '../../api/channels.queries.js';
import { isApiError } from '../../api/http.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { errorMessage } from '../../lib/error-message.js';
import { DeliveryLogCard } from './delivery-log-card.js';
import { NarrowList } from './narrow-list.js';
import { WebhookFormModal } from './webhook-form-modal.js';

/**
 * The settings page's notification channel cards: webhooks (administrators manage them, the
 * supervision office sees them) and the delivery log (administrators). Nothing for anyone else.
 */
export function NotificationChannelCards() {
  const user = useCurrentUser();
  if (!hasAnyRole(user, ['admin', 'supervisor'])) return null;
  const isAdmin = hasAnyRole(user, ['admin']);
  return (
    <>
      <Col xs={24}>
        <WebhooksCard canManage={isAdmin} />
      </Col>
      {isAdmin && (
        <Col xs={24}>
          <DeliveryLogCard />
        </Col>
      )}
    </>
  );
}

/** Webhooks to group robots and other systems: list, add, edit, switch on and off, test, delete. */
function WebhooksCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<WebhookView | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const isNarrow = Grid.useBreakpoint().md === false;

  const fail = (error: unknown) =>
    void (isApiError(error, 'version_conflict')
      ? message.warning(t('channels.webhooks.conflict'))
      : message.error(errorMessage(error, t)));

  const handleToggle = (webhook: WebhookView, enabled: boolean) =>
    update.mutate({ id: webhook.id, version: webhook.version, enabled }, { onError: fail });
  const handleTest = (webhook: WebhookView) =>
    test.mutate(webhook.id, {
      onSuccess: () => void message.success(t('channels.webhooks.testQueued')),
      onError: fail,
    });
  const handleDelete = (webhook: WebhookView) =>
    remove
      .mutateAsync({ id: webhook.id, version: webhook.version })
      .then(() => void message.success(t('channels.webhooks.deleted')), fail);
  const openForm = (webhook: WebhookView | null) => {
    setEditing(webhook);
    setIsFormOpen(true);
  };

  const formatTags = (webhook: WebhookView) => (
    <Flex gap={4} wrap>
      <Tag>{t(`channels.webhooks.formats.${webhook.format}`)}</Tag>
      {webhook.hasSecret && <Tag color="blue">{t('channels.webhooks.signed')}</Tag>}
    </Flex>
  );
  const kindsText = (kinds: WebhookView['kinds']) =>
    kinds.length === 0 ? (
      t('channels.webhooks.allKinds')
    ) : (
      <Tooltip title={kinds.map((kind) => (kind === 'digest.daily' ? kind : t(`channels.kinds.${kind}`))).join('、')}>
        <span>{t('channels.webhooks.kindsCount', { count: kinds.length })}</span>
      </Tooltip>
    );
  const enabledCell = (webhook: WebhookView) =>
    canManage ? (
      <Switch
        size="small"
        checked={webhook.enabled}
        aria-label={t('channels.webhooks.fields.enabled')}
        loading={update.isPending && update.variables?.id === webhook.id}
        onChange={(checked) => handleToggle(webhook, checked)}
      />
    ) : (
      <Tag color={webhook.enabled ? 'green' : 'default'}>
        {webhook.enabled ? t('channels.webhooks.enabled') : t('channels.webhooks.disabled')}
      </Tag>
    );
  const actions = (webhook: WebhookView) => (
    <Flex gap={4} wrap={false}>
      <Button
        size="small"
        type="link"
        onClick={() => handleTest(webhook)}
        loading={test.isPending && test.variables === webhook.id}
      >
        {t('channels.webhooks.test')}
      </Button>
      <Button size="small" type="link" onClick={() => openForm(webhook)}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('channels.webhooks.deleteConfirm', { name: webhook.name })}
        okText={t('channels.webhooks.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => handleDelete(webhook)}
      >
        <Button size="small" type="link" danger>
          {t('channels.webhooks.delete')}
        </Button>
      </Popconfirm>
    </Flex>
  );

  const columns: TableColumnsType<WebhookView> = [
    {
      title: t('channels.webhooks.fields.name'),
      dataIndex: 'name',
      render: (name: string, webhook) => (
        <Flex vertical gap={2} style={{ minWidth: 160, maxWidth: 360 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: webhook.url }} style={{ fontSize: 12 }}>
            {webhook.url}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('channels.webhooks.fields.format'),
      dataIndex: 'format',
      render: (_format: WebhookView['format'], webhook) => formatTags(webhook),
    },
    { title: t('channels.webhooks.fields.kinds'), dataIndex: 'kinds', render: kindsText },
    {
      title: t('channels.webhooks.fields.enabled'),
      dataIndex: 'enabled',
      render: (_enabled: boolean, webhook) => enabledCell(webhook),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_value: unknown, webhook: WebhookView) => actions(webhook),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('channels.webhooks.title')}
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('channels.webhooks.add')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t('channels.webhooks.description')}
        {!canManage && ` ${t('channels.webhooks.readOnly')}`}
      </Typography.Paragraph>
      {webhooks.isError ? (
        <LoadError error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : isNarrow ? (
        <NarrowList
          items={webhooks.data?.items}
          isLoading={webhooks.isPending}
          empty={t('channels.webhooks.empty')}
          render={(webhook) => (
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{webhook.name}</Typography.Text>
                {enabledCell(webhook)}
              </Flex>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {webhook.url}
              </Typography.Text>
              <Flex gap={8} align="center" wrap>
                {formatTags(webhook)}
                <Typography.Text type="secondary">{kindsText(webhook.kinds)}</Typography.Text>
              </Flex>
              {canManage && actions(webhook)}
            </Flex>
          )}
        />
      ) : (
        <Table<WebhookView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={webhooks.data?.items}
          loading={webhooks.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('channels.webhooks.empty')} /> }}
        />
      )}
      {canManage && <WebhookFormModal open={isFormOpen} webhook={editing} onClose={() => setIsFormOpen(false)} />}
    </Card>
  );
}
