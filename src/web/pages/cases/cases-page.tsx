import { Button, Card, Checkbox, Empty, Flex, Grid, Input, Select, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CASE_KINDS, CASE_STATUSES, type CaseStatus } from '../../../shared/cases-api.js';
import { useCasePages, usePeriodOptions } from '../../api/cases.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { CaseCard } from './case-card.js';
import { type CaseLibraryState, caseStateFromParams, caseStateToParams } from './case-filters.js';
import { CreateCaseButton } from './create-case-button.js';

type Filters = CaseLibraryState['filters'];

/** Search, status (drafts: supervision), unit, period, "being spread" and "asked of my unit". */
function CaseFilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const isManager = hasAnyRole(user, ['supervisor', 'admin']);
  const isMember = hasAnyRole(user, ['unit_head', 'unit_staff']) && user.unitId !== null;
  const periods = usePeriodOptions(isManager);
  const [text, setText] = useState(filters.q ?? '');
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof Filters>) if (!next[key]) delete next[key];
    onChange(next);
  };
  const statuses = isManager ? CASE_STATUSES : CASE_STATUSES.filter((status) => status !== 'draft');
  const wide = (max: number) => ({ flex: '1 1 160px', maxWidth: isMobile ? undefined : max, minWidth: 0 });
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        allowClear
        value={text}
        placeholder={t('cases.filters.search')}
        aria-label={t('cases.filters.search')}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        style={wide(260)}
      />
      <Select
        allowClear
        value={filters.status}
        placeholder={t('cases.filters.status')}
        aria-label={t('cases.filters.status')}
        options={statuses.map((status) => ({ value: status, label: t(`cases.statuses.${status}`) }))}
        onChange={(status?: CaseStatus) => set({ status })}
        style={wide(150)}
      />
      <div style={wide(260)}>
        <UnitTreeSelect
          value={filters.unitId ?? null}
          placeholder={t('cases.filters.unit')}
          aria-label={t('cases.filters.unit')}
          onChange={(unitId) => set({ unitId: unitId ?? undefined })}
        />
      </div>
      {isManager && (
        <Select
          allowClear
          value={filters.periodId}
          placeholder={t('cases.filters.period')}
          aria-label={t('cases.filters.period')}
          loading={periods.isPending}
          options={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
          onChange={(periodId?: number) => set({ periodId })}
          style={wide(200)}
        />
      )}
      <Checkbox checked={filters.toSpread ?? false} onChange={(event) => set({ toSpread: event.target.checked })}>
        {t('cases.filters.toSpread')}
      </Checkbox>
      {isMember && (
        <Checkbox checked={filters.askedOfMe ?? false} onChange={(event) => set({ askedOfMe: event.target.checked })}>
          {t('cases.filters.askedOfMe')}
        </Checkbox>
      )}
    </Flex>
  );
}

/** 典型案例: the library, exemplary and negative cases in two tabs, filters kept in the address. */
export function CasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = caseStateFromParams(params);
  const pages = useCasePages({ kind: state.kind, ...state.filters });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (next: CaseLibraryState) => setParams(caseStateToParams(next), { replace: true });
  const isManager = hasAnyRole(user, ['supervisor', 'admin']);
  return (
    <>
      <PageHeader
        title={t('cases.nav')}
        subtitle={t('cases.intro')}
        extra={
          isManager && <CreateCaseButton defaults={{ kind: state.kind }} onCreated={(id) => navigate(`/cases/${id}`)} />
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={state.kind}
          onChange={(kind) => update({ ...state, kind: kind as CaseLibraryState['kind'] })}
          items={CASE_KINDS.map((kind) => ({ key: kind, label: t(`cases.kinds.${kind}`) }))}
        />
        <Flex vertical gap={16}>
          <CaseFilterBar
            key={state.filters.q ?? ''}
            filters={state.filters}
            onChange={(filters) => update({ ...state, filters })}
          />
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty style={{ paddingBlock: 24 }} description={t('cases.empty')} />
          )}
          {items.length > 0 && (
            <Flex vertical gap={10} role="list" aria-label={t(`cases.kinds.${state.kind}`)}>
              {items.map((item) => (
                <CaseCard key={item.id} item={item} />
              ))}
            </Flex>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('cases.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
