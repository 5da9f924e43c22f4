import { Button, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ExtensionQueueFilter } from '../../../shared/extensions-api.js';
import { useExtensionQueue } from '../../api/extensions.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { ExtensionQueueCard } from './extension-queue-card.js';

/** The filters the page offers (the API also takes the two pending statuses). */
const FILTERS = [
  'pending',
  'all',
  'approved',
  'rejected',
  'withdrawn',
] as const satisfies readonly ExtensionQueueFilter[];
type PageFilter = (typeof FILTERS)[number];

function filterOf(value: string | null): PageFilter {
  return FILTERS.find((filter) => filter === value) ?? 'pending';
}

/** 延期申请: the requests waiting for me (supervision, leader, my unit), or those I may see. */
export function ExtensionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = filterOf(params.get('status'));
  const pages = useExtensionQueue(status);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title={t('extensions.title')} subtitle={t('extensions.pageSubtitle')} />
      <Card>
        <Flex vertical gap={16}>
          <div style={{ overflowX: 'auto' }}>
            <Segmented<PageFilter>
              aria-label={t('extensions.queue.filter')}
              value={status}
              options={FILTERS.map((value) => ({ value, label: t(`extensions.queue.filters.${value}`) }))}
              onChange={(value) => setParams(value === 'pending' ? {} : { status: value }, { replace: true })}
            />
          </div>
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty
              style={{ paddingBlock: 24 }}
              description={status === 'pending' ? t('extensions.queue.empty') : t('extensions.queue.emptyFiltered')}
            />
          )}
          {items.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('extensions.queue.shown', { count: items.length })}</Typography.Text>
              <Flex vertical gap={10} role="list" aria-label={t('extensions.title')}>
                {items.map((item) => (
                  <ExtensionQueueCard key={item.id} item={item} />
                ))}
              </Flex>
            </>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('extensions.queue.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
