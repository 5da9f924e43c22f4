import { LinkOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Col, Empty, Flex, Grid, Input, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listPeriods } from '../../api/assessment.api.js';
import { type CockpitFilters, cockpitKeys, getCockpit } from '../../api/cockpit.api.js';
import { useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { useChargeUnits } from '../../lib/use-charge-units.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { TaskSourceSelect } from '../tasks/task-source-select.js';
import { CockpitAttention } from './cockpit-attention.js';
import {
  CompletionsChart,
  LeagueTable,
  OverdueHeatMap,
  ReasonsChart,
  TrajectoryChart,
  UnitLightsChart,
} from './cockpit-charts.js';
import { CockpitFigureCards } from './cockpit-figures.js';
import { filtersFrom, filtersToSearch, viewOf } from './cockpit-links.js';

/** The tag box: typed freely, applied on Enter or when it loses focus (not on every key). */
function TagFilter({ value, onChange }: { value: string | undefined; onChange: (tag: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const apply = () => onChange(text.trim() || undefined);
  return (
    <Input.Search
      allowClear
      maxLength={30}
      value={text}
      placeholder={t('cockpit.filters.tagPlaceholder')}
      aria-label={t('cockpit.filters.tag')}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value === '') onChange(undefined);
      }}
      onSearch={apply}
      onBlur={apply}
    />
  );
}

/**
 * 领导驾驶舱 (issue 8): the headline figures with the change since last week, what needs the
 * viewer's attention, and the charts — every figure and chart element opens the list behind it.
 * The filters live in the address, so a view can be shared by its link.
 */
export function CockpitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  useDocumentTitle(t('cockpit.title'));
  const query = useQuery({
    queryKey: cockpitKeys.view(filters),
    queryFn: ({ signal }) => getCockpit(filters, signal),
    placeholderData: keepPreviousData,
  });
  const periods = useQuery({ queryKey: ['assessment', 'periods'], queryFn: ({ signal }) => listPeriods(signal) });
  const chargeUnits = useChargeUnits(user.unitsInChargeIds);
  const set = (patch: Partial<CockpitFilters>) =>
    setParams(filtersToSearch({ ...filters, ...patch }), { replace: false });
  const cockpit = query.data;
  const seesAll = cockpit?.seesAll ?? false;
  const filtered =
    filters.sourceId !== undefined || filters.tag !== undefined || filters.periodId !== undefined || !!filters.keyOnly;
  const hasFilters = filtered || filters.unitId !== undefined;

  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      message.success(t('cockpit.filters.copied'));
    } catch {
      message.info(window.location.href);
    }
  };

  const subtitle = !cockpit
    ? undefined
    : cockpit.seesAll && filters.unitId === undefined
      ? t('cockpit.subtitleAll')
      : t('cockpit.subtitleCharge', { units: cockpit.scope.map((unit) => unit.name).join('、') });
  const field = (node: React.ReactNode) => (
    <div style={{ flex: '1 1 200px', maxWidth: isMobile ? undefined : 280, minWidth: 0 }}>{node}</div>
  );

  return (
    <>
      <PageHeader
        title={t('cockpit.title')}
        subtitle={subtitle}
        extra={
          <Button icon={<LinkOutlined />} onClick={() => void share()}>
            {t('cockpit.filters.share')}
          </Button>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="cockpit-filters">
        {(seesAll || chargeUnits.length > 1) &&
          field(
            <UnitTreeSelect
              units={seesAll ? undefined : chargeUnits}
              value={filters.unitId ?? null}
              placeholder={t(seesAll ? 'cockpit.filters.allUnits' : 'cockpit.filters.allCharge')}
              aria-label={t('cockpit.filters.unit')}
              onChange={(unitId) => set({ unitId: unitId ?? undefined })}
            />,
          )}
        {field(
          <TaskSourceSelect
            value={filters.sourceId ?? null}
            placeholder={t('cockpit.filters.source')}
            aria-label={t('cockpit.filters.source')}
            onChange={(sourceId) => set({ sourceId: sourceId ?? undefined })}
          />,
        )}
        {field(<TagFilter value={filters.tag} onChange={(tag) => set({ tag })} />)}
        {field(
          <Select<number>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('cockpit.filters.period')}
            aria-label={t('cockpit.filters.period')}
            value={filters.periodId}
            loading={periods.isPending}
            onChange={(periodId) => set({ periodId })}
            options={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
          />,
        )}
        <Flex align="center" gap={8}>
          <Switch
            id="cockpit-key-only"
            checked={!!filters.keyOnly}
            onChange={(keyOnly) => set({ keyOnly: keyOnly || undefined })}
          />
          <label htmlFor="cockpit-key-only">{t('cockpit.filters.keyOnly')}</label>
        </Flex>
        {hasFilters && (
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>
            {t('cockpit.filters.reset')}
          </Button>
        )}
      </Flex>
      {query.isError && !cockpit ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !cockpit ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !cockpit.seesAll && cockpit.scope.length === 0 ? (
        <Empty description={t('cockpit.noCharge')} />
      ) : (
        <Flex vertical gap={12} style={{ opacity: query.isFetching ? 0.7 : 1 }} data-testid="cockpit">
          <CockpitFigureCards cockpit={cockpit} view={viewOf(filters, cockpit)} filtered={filtered} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={8}>
              <CockpitAttention cockpit={cockpit} view={viewOf(filters, cockpit)} />
            </Col>
            <Col xs={24} lg={16}>
              <UnitLightsChart
                cockpit={cockpit}
                view={viewOf(filters, cockpit)}
                onEnterUnit={(unitId) => set({ unitId })}
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={16}>
              <OverdueHeatMap cockpit={cockpit} view={viewOf(filters, cockpit)} />
            </Col>
            <Col xs={24} lg={8}>
              <TrajectoryChart cockpit={cockpit} view={viewOf(filters, cockpit)} />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <CompletionsChart cockpit={cockpit} view={viewOf(filters, cockpit)} />
            </Col>
            <Col xs={24} lg={12}>
              <ReasonsChart cockpit={cockpit} />
            </Col>
          </Row>
          <LeagueTable cockpit={cockpit} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {cockpit.today}
          </Typography.Text>
        </Flex>
      )}
    </>
  );
}
