import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, Grid, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { getPortfolio, type PortfolioFilters, portfolioKeys } from '../../api/portfolio.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { useChargeUnits } from '../../lib/use-charge-units.js';
import { LightCounts, PortfolioUnitCard } from './portfolio-unit-card.js';

/** `?unitId=&keyOnly=1`, so a view can be shared. */
function filtersFrom(params: URLSearchParams): PortfolioFilters {
  const unitId = Number(params.get('unitId'));
  return {
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    keyOnly: params.get('keyOnly') === '1',
  };
}

/**
 * 我的分管: a leader's open tasks by lead unit, most red first. The supervision office and
 * administrators, who have no charge of their own, choose a unit to preview its leader's view.
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const previewer = hasAnyRole(user, ['supervisor', 'admin']);
  const query = useQuery({
    queryKey: portfolioKeys.view(filters),
    queryFn: ({ signal }) => getPortfolio(filters, signal),
    placeholderData: keepPreviousData,
  });
  const set = (patch: PortfolioFilters) => {
    const next = { ...filters, ...patch };
    const search = new URLSearchParams();
    if (next.unitId) search.set('unitId', String(next.unitId));
    if (next.keyOnly) search.set('keyOnly', '1');
    setParams(search, { replace: true });
  };
  const data = query.data;
  const charge = data?.charge ?? [];
  const chargeUnits = useChargeUnits(user.unitsInChargeIds);
  const unitPicker = (previewer || chargeUnits.length > 1) && (
    <div style={{ flex: '1 1 220px', maxWidth: isMobile ? undefined : 320, minWidth: 0 }}>
      <UnitTreeSelect
        units={previewer ? undefined : chargeUnits}
        value={filters.unitId ?? null}
        placeholder={t(previewer ? 'portfolio.pickUnit' : 'portfolio.allUnits')}
        aria-label={t('portfolio.unit')}
        onChange={(unitId) => set({ unitId: unitId ?? undefined })}
      />
    </div>
  );
  return (
    <>
      <PageHeader title={t('portfolio.title')} subtitle={t('portfolio.subtitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {unitPicker}
        <Flex gap={8} align="center">
          <Switch id="portfolio-key-only" checked={filters.keyOnly ?? false} onChange={(keyOnly) => set({ keyOnly })} />
          <label htmlFor="portfolio-key-only">{t('portfolio.keyOnly')}</label>
        </Flex>
        {data && data.totals.total > 0 && (
          <Flex gap={8} align="center" wrap style={{ marginInlineStart: isMobile ? 0 : 'auto' }}>
            <Typography.Text strong>{t('portfolio.totals', { total: data.totals.total })}</Typography.Text>
            <LightCounts counts={data.totals} />
          </Flex>
        )}
      </Flex>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : charge.length === 0 ? (
        <Empty
          description={
            previewer ? (
              t('portfolio.empty.preview')
            ) : (
              <Flex vertical gap={4}>
                <span>{t('portfolio.empty.noCharge')}</span>
                <Typography.Text type="secondary">{t('portfolio.empty.noChargeHint')}</Typography.Text>
              </Flex>
            )
          }
        />
      ) : query.data.units.length === 0 ? (
        <Empty description={t('portfolio.empty.noTasks')} />
      ) : (
        <Flex vertical gap={12}>
          {query.data.units.map((unit) => (
            <PortfolioUnitCard key={unit.id} unit={unit} keyOnly={filters.keyOnly ?? false} />
          ))}
        </Flex>
      )}
    </>
  );
}
