import { Button, Card, Checkbox, Empty, Flex, Grid, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { NOTICE_STATUSES, type NoticeStatus } from '../../../shared/notices-api.js';
import type { NoticeFilters } from '../../api/notices.api.js';
import { useNotice, useNoticePages } from '../../api/notices.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { NoticeCard } from './notice-card.js';
import { noticeFiltersFromParams, noticeFiltersToParams } from './notice-filters.js';

/** Status, "response overdue" and (for those who see many units) the addressed unit, kept in the address. */
function NoticeFilterBar({ filters, onChange }: { filters: NoticeFilters; onChange: (next: NoticeFilters) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const seesUnits = hasAnyRole(user, ['supervisor', 'admin', 'auditor', 'leader']);
  const set = (patch: Partial<NoticeFilters>) => {
    const next: NoticeFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof NoticeFilters>) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        value={filters.status}
        placeholder={t('notices.filters.allStatuses')}
        aria-label={t('notices.filters.status')}
        options={NOTICE_STATUSES.map((status) => ({ value: status, label: t(`notices.status.${status}`) }))}
        onChange={(status?: NoticeStatus) => set({ status })}
        style={{ flex: '1 1 140px', maxWidth: isMobile ? undefined : 180 }}
      />
      {seesUnits && (
        <div style={{ flex: '2 1 220px', maxWidth: isMobile ? undefined : 320, minWidth: 0 }}>
          <UnitTreeSelect
            value={filters.unitId ?? null}
            placeholder={t('notices.filters.allUnits')}
            aria-label={t('notices.filters.unit')}
            onChange={(unitId) => set({ unitId: unitId ?? undefined })}
          />
        </div>
      )}
      <Checkbox checked={filters.overdue ?? false} onChange={(event) => set({ overdue: event.target.checked })}>
        {t('notices.filters.overdue')}
      </Checkbox>
      {Object.keys(filters).length > 0 && (
        <Button type="link" onClick={() => onChange({})} style={{ paddingInline: 4 }}>
          {t('notices.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}

/** One notice by id (`/notices?id=12`, where the supervision desk and notifications link), with a way to all. */
function SingleNotice({ id, onShowAll }: { id: number; onShowAll: () => void }) {
  const { t } = useTranslation();
  const query = useNotice(id);
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="link" onClick={onShowAll} style={{ paddingInline: 0 }}>
          {t('notices.showAll')}
        </Button>
      </div>
      {query.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Flex vertical role="list" aria-label={t('notices.title')}>
          <NoticeCard notice={query.data} showTask onStale={() => void query.refetch()} />
        </Flex>
      )}
    </Flex>
  );
}

/** 督办单: the notices I may see, newest first — the supervision office's register, a unit's to-do. */
export function NoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = noticeFiltersFromParams(params);
  const singleId = Number(params.get('id'));
  const pages = useNoticePages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader title={t('notices.title')} subtitle={t('notices.subtitle')} />
      <Card>
        {Number.isInteger(singleId) && singleId > 0 ? (
          <SingleNotice id={singleId} onShowAll={() => setParams(new URLSearchParams(), { replace: true })} />
        ) : (
          <Flex vertical gap={16}>
            <NoticeFilterBar
              filters={filters}
              onChange={(next) => setParams(noticeFiltersToParams(next), { replace: true })}
            />
            {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
            {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
            {pages.isSuccess && items.length === 0 && (
              <Empty
                style={{ paddingBlock: 24 }}
                description={hasFilters ? t('notices.emptyFiltered') : t('notices.empty')}
              />
            )}
            {items.length > 0 && (
              <>
                <Typography.Text type="secondary">{t('notices.shown', { count: items.length })}</Typography.Text>
                <Flex vertical gap={10} role="list" aria-label={t('notices.title')}>
                  {items.map((notice) => (
                    <NoticeCard key={notice.id} notice={notice} showTask onStale={() => void pages.refetch()} />
                  ))}
                </Flex>
              </>
            )}
            {pages.hasNextPage && (
              <Flex justify="center">
                <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  {t('notices.loadMore')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
