import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Grid, List, Segmented, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BulletinStatus, BulletinSummary } from '../../api/bulletins.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { BulletinGenerateModal } from './bulletin-generate-modal.js';
import { BulletinStatusTag } from './bulletin-status-tag.js';
import { useBulletinPages } from './bulletins.queries.js';

/** The number (or "no number yet"), with an unread dot for a unit that has not opened it. */
function NumberCell({ item }: { item: BulletinSummary }) {
  const { t } = useTranslation();
  const unread = item.myUnit !== null && item.myUnit.readAt === null;
  const text = item.number ?? t('bulletins.unnumbered');
  return unread ? (
    <Badge dot title={t('bulletins.unread')}>
      {text}
    </Badge>
  ) : (
    <span>{text}</span>
  );
}

/** 督查通报: the bulletins I may see; the supervision office generates new ones here. */
export function BulletinsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const canWrite = hasAnyRole(user, ['supervisor', 'admin']);
  const [status, setStatus] = useState<BulletinStatus | undefined>(undefined);
  const [generating, setGenerating] = useState(false);
  const pages = useBulletinPages(status);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const basis = (item: BulletinSummary) =>
    item.period?.name ?? t('bulletins.asOfBasis', { date: formatDay(item.asOf, locale) });
  const title = (item: BulletinSummary) => <Link to={`/bulletins/${item.id}`}>{item.title}</Link>;
  return (
    <>
      <PageHeader
        title={t('bulletins.nav')}
        subtitle={t('bulletins.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              {t('bulletins.generate')}
            </Button>
          )
        }
      />
      <Card>
        <Flex vertical gap={16}>
          {canWrite && (
            <Segmented<BulletinStatus | 'all'>
              value={status ?? 'all'}
              onChange={(value) => setStatus(value === 'all' ? undefined : value)}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'draft', label: t('bulletins.status.draft') },
                { value: 'issued', label: t('bulletins.status.issued') },
              ]}
            />
          )}
          {pages.isPending && <Skeleton active paragraph={{ rows: 5 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && <Empty description={t('bulletins.empty')} />}
          {items.length > 0 && isMobile && (
            <List
              dataSource={items}
              renderItem={(item) => (
                <List.Item key={item.id}>
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8}>
                      <NumberCell item={item} />
                      <BulletinStatusTag status={item.status} />
                    </Flex>
                    {title(item)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {`${basis(item)} · ${formatDate(item.issuedAt ?? item.createdAt, locale)}`}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {items.length > 0 && !isMobile && (
            <Table<BulletinSummary>
              rowKey="id"
              dataSource={items}
              pagination={false}
              columns={[
                {
                  key: 'number',
                  title: t('bulletins.columns.number'),
                  render: (_, item) => <NumberCell item={item} />,
                  width: 170,
                },
                { key: 'title', title: t('bulletins.columns.title'), render: (_, item) => title(item) },
                { key: 'basis', title: t('bulletins.columns.basis'), render: (_, item) => basis(item), width: 200 },
                {
                  key: 'status',
                  title: t('bulletins.columns.status'),
                  render: (_, item) => <BulletinStatusTag status={item.status} />,
                  width: 100,
                },
                {
                  key: 'issuedAt',
                  title: t('bulletins.columns.issuedAt'),
                  render: (_, item) => formatDate(item.issuedAt, locale),
                  width: 140,
                },
              ]}
            />
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('bulletins.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      {generating && <BulletinGenerateModal onClose={() => setGenerating(false)} />}
    </>
  );
}
