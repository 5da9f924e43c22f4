import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitResult } from '../../../shared/assessment-api.js';
import { useTrend } from '../../api/assessment.api.js';
import { EChart } from '../../components/echart.js';
import { LoadError } from '../../components/load-error.js';
import { bandLabel, type ScoreBand, scoreBands } from './score-bands.js';

const HIGHLIGHT = '#1677ff';
const MUTED = '#91caff';

/**
 * How the units' scores spread, in round bands; clicking a bar filters the league table to that
 * band (clicking the chosen one again shows all).
 */
export function ScoreDistributionChart({
  units,
  selected,
  onSelect,
}: {
  units: UnitResult[];
  selected: ScoreBand | null;
  onSelect: (band: ScoreBand | null) => void;
}) {
  const { t } = useTranslation();
  const bands = scoreBands(units.map((unit) => unit.score));
  if (bands.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.league.empty')} />;
  const isSelected = (band: ScoreBand) => selected !== null && band.from === selected.from && band.to === selected.to;
  return (
    <EChart
      label={t('assessment.charts.distribution')}
      height={240}
      onSelect={({ dataIndex }) => {
        const band = bands[dataIndex];
        if (band) onSelect(isSelected(band) ? null : band);
      }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: bands.map(bandLabel), axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1, name: t('assessment.charts.units') },
        series: [
          {
            type: 'bar',
            name: t('assessment.charts.units'),
            barMaxWidth: 36,
            cursor: 'pointer',
            label: {
              show: true,
              position: 'top',
              formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
            },
            data: bands.map((band) => ({
              value: band.count,
              itemStyle: { color: selected === null || isSelected(band) ? HIGHLIGHT : MUTED },
            })),
          },
        ],
      }}
    />
  );
}

/** Every unit's average over the last periods, and one unit's line when a unit is chosen. */
export function TrendChart({ unit }: { unit: { unitId: number; unitName: string } | null }) {
  const { t } = useTranslation();
  const trend = useTrend(unit?.unitId);
  if (trend.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (trend.isError) return <LoadError error={trend.error} onRetry={() => void trend.refetch()} />;
  const items = trend.data.items;
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.charts.noTrend')} />;
  const series = [
    {
      name: t('assessment.charts.average'),
      type: 'line',
      data: items.map((item) => item.averageScore),
      connectNulls: true,
    },
    ...(unit
      ? [{ name: unit.unitName, type: 'line', data: items.map((item) => item.unitScore), connectNulls: true }]
      : []),
  ];
  return (
    <EChart
      label={t('assessment.charts.trend')}
      height={240}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
        // Period names are long ("2026年上半年"): up to five are all shown, each cut to its share of the width.
        xAxis: {
          type: 'category',
          data: items.map((item) => item.periodName),
          axisLabel: {
            interval: items.length <= 5 ? 0 : 'auto',
            hideOverlap: true,
            width: Math.max(40, Math.floor(220 / items.length)),
            overflow: 'truncate',
          },
        },
        yAxis: { type: 'value', scale: true },
        series,
      }}
    />
  );
}
