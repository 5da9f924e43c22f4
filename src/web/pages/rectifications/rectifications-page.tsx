import { Button, Card, Checkbox, Empty, Flex, Grid, Select, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  RECTIFICATION_ORIGINS,
  RECTIFICATION_STATES,
  type RectificationOrigin,
  type RectificationState,
} from '../../../shared/rectifications-api.js';
import type { RectificationFilters } from '../../api/rectifications.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { CreateRectificationButton } from './create-rectification-button.js';
import { RectificationCard } from './rectification-card.js';
import { rectificationFiltersFromParams, rectificationFiltersToParams } from './rectification-filters.js';
import { useRectificationPages } from './rectifications.queries.js';

/** Sign-off state, origin, owner unit (for those who see many units) and "overdue", kept in the address. */
function FilterBar({
  filters,
  onChange,
}: {
  filters: RectificationFilters;
  onChange: (next: RectificationFilters) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const seesUnits = hasAnyRole(user, ['supervisor', 'admin', 'auditor', 'leader']);
  const set = (patch: Partial<RectificationFilters>) => {
    const next: RectificationFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof RectificationFilters>) if (!next[key]) delete next[key];
    onChange(next);
  };
  const width = { flex: '1 1 140px', maxWidth: isMobile ? undefined : 180 };
  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        value={filters.status}
        placeholder={t('rectifications.filters.status')}
        aria-label={t('rectifications.filters.status')}
        options={RECTIFICATION_STATES.map((state) => ({ value: state, label: t(`rectifications.states.${state}`) }))}
        onChange={(status?: RectificationState) => set({ status })}
        style={width}
      />
      <Select
        allowClear
        value={filters.originType}
        placeholder={t('rectifications.filters.originType')}
        aria-label={t('rectifications.filters.originType')}
        options={RECTIFICATION_ORIGINS.map((origin) => ({
          value: origin,
          label: t(`rectifications.origins.${origin}`),
        }))}
        onChange={(originType?: RectificationOrigin) => set({ originType })}
        style={width}
      />
      {seesUnits && (
        <div style={{ flex: '2 1 220px', maxWidth: isMobile ? undefined : 320, minWidth: 0 }}>
          <UnitTreeSelect
            value={filters.unitId ?? null}
            placeholder={t('rectifications.filters.unit')}
            aria-label={t('rectifications.filters.unit')}
            onChange={(unitId) => set({ unitId: unitId ?? undefined })}
          />
        </div>
      )}
      <Checkbox checked={filters.overdue ?? false} onChange={(event) => set({ overdue: event.target.checked })}>
        {t('rectifications.filters.overdue')}
      </Checkbox>
      {filters.periodId && (
        <Tag closable onClose={() => set({ periodId: undefined })} style={{ marginInlineEnd: 0 }}>
          {t('rectifications.fields.period')} #{filters.periodId}
        </Tag>
      )}
      {Object.keys(filters).length > 0 && (
        <Button type="link" onClick={() => onChange({})} style={{ paddingInline: 4 }}>
          {t('rectifications.filters.all')}
        </Button>
      )}
    </Flex>
  );
}

/** 整改销号: the rectification items I may see, newest first, with their origin and sign-off. */
export function RectificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = rectificationFiltersFromParams(params);
  const pages = useRectificationPages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('rectifications.nav')}
        subtitle={t('rectifications.intro')}
        extra={<CreateRectificationButton origin={{ type: 'inspection' }} />}
      />
      <Card>
        <Flex vertical gap={16}>
          <FilterBar
            filters={filters}
            onChange={(next) => setParams(rectificationFiltersToParams(next), { replace: true })}
          />
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty style={{ paddingBlock: 24 }} description={t('rectifications.empty')} />
          )}
          {items.length > 0 && (
            <Flex vertical gap={10} role="list" aria-label={t('rectifications.nav')}>
              {items.map((item) => (
                <RectificationCard key={item.taskId} item={item} />
              ))}
            </Flex>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('rectifications.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
