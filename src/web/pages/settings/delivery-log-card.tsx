import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliveryStatus,
} from '../../../shared/channels-api.js';
import type { DeliveryView } from '../../api/channels.api.js';
import { useDeliveries } from '../../api/channels.queries.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { NarrowList } from './narrow-list.js';

const STATUS_COLORS: Record<DeliveryStatus, string> = { pending: 'gold', sent: 'green', dead: 'red' };

/** 推送记录: every email, digest and webhook call with its attempts and last answer (administrators). */
export function DeliveryLogCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [channel, setChannel] = useState<DeliveryChannel | undefined>();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const deliveries = useDeliveries({ ...(channel ? { channel } : {}), ...(status ? { status } : {}) }, true);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  const isNarrow = Grid.useBreakpoint().md === false;

  const when = (delivery: DeliveryView) => (
    <span style={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(delivery.createdAt, locale)}</span>
  );
  const channelTag = (delivery: DeliveryView) => <Tag>{t(`channels.log.channels.${delivery.channel}`)}</Tag>;
  const target = (delivery: DeliveryView) => (
    <Flex vertical style={{ maxWidth: 220, minWidth: 0 }}>
      {delivery.webhookName && <Typography.Text strong>{delivery.webhookName}</Typography.Text>}
      <Typography.Text type={delivery.webhookName ? 'secondary' : undefined} ellipsis={{ tooltip: delivery.target }}>
        {delivery.target}
      </Typography.Text>
    </Flex>
  );
  const subject = (delivery: DeliveryView, maxWidth: number | string) => (
    <Typography.Text ellipsis={{ tooltip: delivery.subject }} style={{ maxWidth, display: 'block' }}>
      {delivery.subject ?? '—'}
    </Typography.Text>
  );
  const statusCell = (delivery: DeliveryView) => (
    <Flex vertical gap={2}>
      <span>
        <Tag color={STATUS_COLORS[delivery.status]}>{t(`channels.log.statuses.${delivery.status}`)}</Tag>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('channels.log.attempts', { count: delivery.attempts })}
      </Typography.Text>
      {delivery.status === 'pending' && delivery.attempts > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('channels.log.nextAttempt', { time: formatShortDateTime(delivery.nextAttemptAt, locale) })}
        </Typography.Text>
      )}
    </Flex>
  );
  const result = (delivery: DeliveryView) => (
    <Flex vertical style={{ maxWidth: 240, minWidth: 0 }}>
      {delivery.lastStatus !== null && <Typography.Text code>{delivery.lastStatus}</Typography.Text>}
      {delivery.lastError && (
        <Typography.Text type="danger" ellipsis={{ tooltip: delivery.lastError }} style={{ fontSize: 12 }}>
          {delivery.lastError}
        </Typography.Text>
      )}
    </Flex>
  );

  const columns: TableColumnsType<DeliveryView> = [
    { title: t('channels.log.columns.createdAt'), key: 'createdAt', render: (_v, d) => when(d) },
    { title: t('channels.log.columns.channel'), key: 'channel', render: (_v, d) => channelTag(d) },
    { title: t('channels.log.columns.target'), key: 'target', render: (_v, d) => target(d) },
    { title: t('channels.log.columns.subject'), key: 'subject', render: (_v, d) => subject(d, 240) },
    { title: t('channels.log.columns.status'), key: 'status', render: (_v, d) => statusCell(d) },
    { title: t('channels.log.columns.result'), key: 'result', render: (_v, d) => result(d) },
  ];

  return (
    <Card
      title={t('channels.log.title')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void deliveries.refetch()}
          loading={deliveries.isRefetching}
          aria-label={t('channels.log.refresh')}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('channels.log.description')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<DeliveryChannel>
          allowClear
          placeholder={t('channels.log.channel')}
          aria-label={t('channels.log.channel')}
          value={channel}
          onChange={setChannel}
          options={DELIVERY_CHANNELS.map((value) => ({ value, label: t(`channels.log.channels.${value}`) }))}
          style={{ minWidth: 140 }}
        />
        <Select<DeliveryStatus>
          allowClear
          placeholder={t('channels.log.status')}
          aria-label={t('channels.log.status')}
          value={status}
          onChange={setStatus}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`channels.log.statuses.${value}`) }))}
          style={{ minWidth: 140 }}
        />
      </Flex>
      {deliveries.isError ? (
        <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : isNarrow ? (
        <NarrowList
          items={items}
          isLoading={deliveries.isPending}
          empty={t('channels.log.empty')}
          render={(delivery) => (
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex gap={6} align="center">
                  {channelTag(delivery)}
                  <Typography.Text type="secondary">{when(delivery)}</Typography.Text>
                </Flex>
                <Tag color={STATUS_COLORS[delivery.status]} style={{ marginInlineEnd: 0 }}>
                  {t(`channels.log.statuses.${delivery.status}`)}
                </Tag>
              </Flex>
              {target(delivery)}
              {subject(delivery, '100%')}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('channels.log.attempts', { count: delivery.attempts })}
                {delivery.status === 'pending' && delivery.attempts > 0
                  ? ` · ${t('channels.log.nextAttempt', { time: formatShortDateTime(delivery.nextAttemptAt, locale) })}`
                  : ''}
              </Typography.Text>
              {result(delivery)}
            </Flex>
          )}
        />
      ) : (
        <Table<DeliveryView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={deliveries.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('channels.log.empty')} /> }}
        />
      )}
      {deliveries.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
            {t('channels.log.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
