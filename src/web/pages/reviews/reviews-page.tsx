import { Button, Card, Checkbox, Empty, Flex, Grid, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ReviewFilters } from '../../api/reviews.api.js';
import { useReviewPages } from '../../api/reviews.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { ReviewCard } from './review-card.js';
import { filtersFromParams, filtersToParams } from './review-filters.js';
import { REVIEW_KIND_LIST } from './review-kinds.js';

/** Kind, unit, key, late and flagged, kept in the address. */
function ReviewFilterBar({ filters, onChange }: { filters: ReviewFilters; onChange: (next: ReviewFilters) => void }) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const hasFilters = Object.keys(filters).length > 0;
  const toggle = (name: 'key' | 'late' | 'flagged', checked: boolean) => {
    const next = { ...filters };
    if (checked) next[name] = true;
    else delete next[name];
    onChange(next);
  };
  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        value={filters.kind}
        placeholder={t('reviews.filters.allKinds')}
        aria-label={t('reviews.filters.kind')}
        options={REVIEW_KIND_LIST.map((kind) => ({ value: kind, label: t(`reviews.kinds.${kind}`) }))}
        onChange={(kind?: ReviewFilters['kind']) => {
          const { kind: _previous, ...rest } = filters;
          onChange(kind ? { ...rest, kind } : rest);
        }}
        style={{ flex: '1 1 160px', maxWidth: isMobile ? undefined : 200 }}
      />
      <div style={{ flex: '2 1 220px', maxWidth: isMobile ? undefined : 320, minWidth: 0 }}>
        <UnitTreeSelect
          value={filters.unitId ?? null}
          placeholder={t('reviews.filters.allUnits')}
          aria-label={t('reviews.filters.unit')}
          onChange={(unitId) => {
            const { unitId: _previous, ...rest } = filters;
            onChange(unitId ? { ...rest, unitId } : rest);
          }}
        />
      </div>
      <Checkbox checked={filters.key ?? false} onChange={(event) => toggle('key', event.target.checked)}>
        {t('reviews.filters.key')}
      </Checkbox>
      <Checkbox checked={filters.late ?? false} onChange={(event) => toggle('late', event.target.checked)}>
        {t('reviews.filters.late')}
      </Checkbox>
      <Checkbox checked={filters.flagged ?? false} onChange={(event) => toggle('flagged', event.target.checked)}>
        {t('reviews.filters.flagged')}
      </Checkbox>
      {hasFilters && (
        <Button type="link" onClick={() => onChange({})} style={{ paddingInline: 4 }}>
          {t('reviews.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}

/** 待审核: the plans, progress reports and closure applications waiting for my decision. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const pages = useReviewPages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader title={t('reviews.title')} subtitle={t('reviews.subtitle')} />
      <Card>
        <Flex vertical gap={16}>
          <ReviewFilterBar filters={filters} onChange={(next) => setParams(filtersToParams(next), { replace: true })} />
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty
              style={{ paddingBlock: 24 }}
              description={hasFilters ? t('reviews.emptyFiltered') : t('reviews.empty')}
            />
          )}
          {items.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('reviews.shown', { count: items.length })}</Typography.Text>
              <Flex vertical gap={10} role="list" aria-label={t('reviews.title')}>
                {items.map((item) => (
                  <ReviewCard key={`${item.kind}-${item.id}`} item={item} />
                ))}
              </Flex>
            </>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('reviews.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
