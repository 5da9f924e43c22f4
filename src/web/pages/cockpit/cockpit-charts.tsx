import { Button, Card, Empty, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Cockpit } from '../../../shared/cockpit-api.js';
import type { CockpitView } from '../../../shared/cockpit-drill.js';
import { EChart } from '../../components/echart.js';
import { currentLocale } from '../../i18n/index.js';
import { CATEGORY_COLOURS } from '../review/failure-reasons-chart.js';
import { drillHref } from './cockpit-links.js';

// The cockpit's charts. Each element drills down: bars and cells open the task list behind them
// (the same filters the figure was counted with), a unit's name goes one level down. Drawn as SVG,
// so every bar is an element of the page.

export const LIGHT_COLOURS = { red: '#d9363e', amber: '#e8a317', green: '#52a447', unlit: '#bfbfbf' } as const;
const LIGHTS = ['red', 'amber', 'green', 'unlit'] as const;

function ChartCard({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

/** One horizontal bar per label, each in its own colour, with its count at its end (top to bottom as given). */
function coloredBars(name: string, bars: ReadonlyArray<{ label: string; value: number; colour: string }>) {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisLabel: { width: 130, overflow: 'truncate' },
    },
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 24,
        label: { show: true, position: 'right' },
        data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.colour } })),
      },
    ],
  };
}

const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

/** Open tasks by unit, stacked by light; a segment opens its tasks, a unit's name goes into it. */
export function UnitLightsChart({
  cockpit,
  view,
  onEnterUnit,
}: {
  cockpit: Cockpit;
  view: CockpitView;
  onEnterUnit: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bars = cockpit.unitLights.filter((bar) => bar.red + bar.amber + bar.green + bar.unlit > 0);
  const title = t('cockpit.charts.unitLights');
  if (bars.length === 0)
    return (
      <ChartCard title={title} testId="chart-unit-lights">
        {empty(t('cockpit.charts.empty'))}
      </ChartCard>
    );
  const names = bars.map((bar) => (bar.own ? t('cockpit.charts.own', { name: bar.unit.name }) : bar.unit.name));
  // Reddest on top (ECharts draws a category axis bottom-up).
  const order = bars
    .map((_, index) => index)
    .sort((a, b) => {
      const x = bars[a];
      const y = bars[b];
      return x && y ? x.red - y.red || x.amber - y.amber : 0;
    });
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: order.map((index) => names[index]),
      axisLabel: { width: 130, overflow: 'truncate' },
    },
    series: LIGHTS.map((light) => ({
      name: t(`cockpit.charts.lights.${light}`),
      type: 'bar',
      stack: 'lights',
      barMaxWidth: 26,
      itemStyle: { color: LIGHT_COLOURS[light] },
      data: order.map((index) => bars[index]?.[light] ?? 0),
    })),
  };
  const deeper = bars.filter((bar) => bar.hasChildren);
  return (
    <ChartCard title={title} hint={t('cockpit.charts.unitLightsHint')} testId="chart-unit-lights">
      <EChart
        renderer="svg"
        label={title}
        height={Math.max(200, bars.length * 36 + 70)}
        option={option}
        onSelect={(selection) => {
          const bar = bars[order[selection.dataIndex] ?? -1];
          const light = LIGHTS.find((l) => t(`cockpit.charts.lights.${l}`) === selection.seriesName);
          if (!bar || !light) return;
          navigate(
            drillHref(view, {
              kind: 'unit',
              unitId: bar.unit.id,
              own: bar.own,
              light: light === 'unlit' ? undefined : light,
            }),
          );
        }}
      />
      {deeper.length > 0 && (
        <Flex wrap gap={4} align="center">
          {deeper.map((bar) => (
            <Button key={bar.unit.id} size="small" type="link" onClick={() => onEnterUnit(bar.unit.id)}>
              {bar.unit.name} ›
            </Button>
          ))}
        </Flex>
      )}
    </ChartCard>
  );
}

/** Overdue tasks per unit and deadline month; a cell opens that unit's tasks due that month and still open. */
export function OverdueHeatMap({ cockpit, view }: { cockpit: Cockpit; view: CockpitView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heat = cockpit.overdueHeat;
  const title = t('cockpit.charts.heat');
  if (heat.cells.length === 0) {
    return (
      <ChartCard title={title} testId="chart-heat">
        {empty(t('cockpit.charts.empty'))}
        {heat.earlier > 0 && (
          <Typography.Text type="secondary">{t('cockpit.charts.heatEarlier', { count: heat.earlier })}</Typography.Text>
        )}
      </ChartCard>
    );
  }
  const max = Math.max(...heat.cells.map((cell) => cell[2]));
  const names = heat.units.map((unit) => (unit.own ? t('cockpit.charts.own', { name: unit.name }) : unit.name));
  const option = {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: heat.months.map((month) => month.slice(2)), splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: names,
      axisLabel: { width: 120, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#fff1f0', '#ff7875', '#a8071a'] },
    },
    series: [
      {
        name: title,
        type: 'heatmap',
        data: heat.cells.map(([row, column, n]) => [column, row, n]),
        label: { show: true },
      },
    ],
  };
  return (
    <ChartCard title={title} hint={t('cockpit.charts.heatHint')} testId="chart-heat">
      <EChart
        renderer="svg"
        label={title}
        height={Math.max(220, heat.units.length * 32 + 110)}
        option={option}
        onSelect={(selection) => {
          const [column, row] = selection.data as [number, number, number];
          const unit = heat.units[row];
          const month = heat.months[column];
          if (unit && month) navigate(drillHref(view, { kind: 'unitOverdue', unitId: unit.id, own: unit.own, month }));
        }}
      />
      {heat.earlier > 0 && (
        <Typography.Text type="secondary">{t('cockpit.charts.heatEarlier', { count: heat.earlier })}</Typography.Text>
      )}
    </ChartCard>
  );
}

const BUCKET_COLOURS = { on_track: '#52a447', slightly_behind: '#e8a317', behind: '#f5772a', far_behind: '#d9363e' };

/** Open key tasks by how far their progress is from the progress expected by now. */
export function TrajectoryChart({ cockpit, view }: { cockpit: Cockpit; view: CockpitView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t('cockpit.charts.trajectory');
  const total = cockpit.trajectory.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0)
    return (
      <ChartCard title={title} testId="chart-trajectory">
        {empty(t('cockpit.charts.empty'))}
      </ChartCard>
    );
  const option = coloredBars(
    title,
    cockpit.trajectory.map((bucket) => ({
      label: t(`cockpit.charts.buckets.${bucket.bucket}`),
      value: bucket.count,
      colour: BUCKET_COLOURS[bucket.bucket],
    })),
  );
  return (
    <ChartCard title={title} hint={t('cockpit.charts.trajectoryHint')} testId="chart-trajectory">
      <EChart
        renderer="svg"
        label={title}
        height={220}
        option={option}
        onSelect={(selection) => {
          const bucket = cockpit.trajectory[selection.dataIndex];
          if (bucket) navigate(drillHref(view, { kind: 'trajectory', bucket: bucket.bucket }));
        }}
      />
    </ChartCard>
  );
}

/** Tasks closed per month, on time and late. */
export function CompletionsChart({ cockpit, view }: { cockpit: Cockpit; view: CockpitView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t('cockpit.charts.completions');
  const total = cockpit.completions.reduce((sum, month) => sum + month.onTime + month.late, 0);
  if (total === 0)
    return (
      <ChartCard title={title} testId="chart-completions">
        {empty(t('cockpit.charts.empty'))}
      </ChartCard>
    );
  const series = [
    { key: 'onTime', name: t('cockpit.charts.onTime'), colour: '#52a447' },
    { key: 'late', name: t('cockpit.charts.late'), colour: '#d9363e' },
  ] as const;
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: cockpit.completions.map((month) => month.month.slice(2)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'closed',
      barMaxWidth: 22,
      itemStyle: { color: s.colour },
      data: cockpit.completions.map((month) => month[s.key]),
    })),
  };
  return (
    <ChartCard title={title} testId="chart-completions">
      <EChart
        renderer="svg"
        label={title}
        height={240}
        option={option}
        onSelect={(selection) => {
          const month = cockpit.completions[selection.dataIndex];
          if (!month) return;
          navigate(
            drillHref(view, {
              kind: 'completions',
              month: month.month,
              onTime: selection.seriesName === series[0].name,
            }),
          );
        }}
      />
    </ChartCard>
  );
}

/** The period's failure reasons on the tasks in view; a bar opens the period's review. */
export function ReasonsChart({ cockpit }: { cockpit: Cockpit }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t('cockpit.charts.reasons');
  const period = cockpit.period;
  if (!period)
    return (
      <ChartCard title={title} testId="chart-reasons">
        {empty(t('cockpit.charts.noPeriod'))}
      </ChartCard>
    );
  if (cockpit.reasons.length === 0) {
    return (
      <ChartCard title={title} hint={t('cockpit.charts.reasonsHint', { period: period.name })} testId="chart-reasons">
        {empty(t('cockpit.charts.empty'))}
      </ChartCard>
    );
  }
  const locale = currentLocale();
  const reasons = cockpit.reasons;
  const option = coloredBars(
    title,
    reasons.map((reason) => ({
      label: reason.labels?.[locale] ?? reason.code,
      value: reason.count,
      colour:
        reason.category === 'objective' || reason.category === 'subjective'
          ? CATEGORY_COLOURS[reason.category]
          : '#8c8c8c',
    })),
  );
  return (
    <ChartCard title={title} hint={t('cockpit.charts.reasonsHint', { period: period.name })} testId="chart-reasons">
      <EChart
        renderer="svg"
        label={title}
        height={Math.max(180, reasons.length * 32 + 40)}
        option={option}
        onSelect={() => navigate(`/assessment/${period.id}/review`)}
      />
    </ChartCard>
  );
}

/** The period's league table of lead units in view, best first. */
export function LeagueTable({ cockpit }: { cockpit: Cockpit }) {
  const { t } = useTranslation();
  const title = t('cockpit.charts.league');
  const period = cockpit.period;
  if (!period)
    return (
      <ChartCard title={title} testId="league">
        {empty(t('cockpit.charts.noPeriod'))}
      </ChartCard>
    );
  return (
    <ChartCard title={title} hint={t('cockpit.charts.leagueHint', { period: period.name })} testId="league">
      <Table
        size="small"
        rowKey={(row) => row.unit.id}
        pagination={cockpit.league.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={cockpit.league}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cockpit.charts.empty') }}
        columns={[
          { title: t('cockpit.charts.rank'), dataIndex: 'rank', width: 64 },
          {
            title: t('cockpit.charts.unit'),
            render: (_, row) => <Link to={`/assessment/${period.id}?unitId=${row.unit.id}`}>{row.unit.name}</Link>,
          },
          { title: t('cockpit.charts.score'), dataIndex: 'score', align: 'right', render: (v: number) => v.toFixed(2) },
          {
            title: t('cockpit.charts.deductions'),
            dataIndex: 'deductions',
            align: 'right',
            responsive: ['sm'],
            render: (v: number) => (v ? `−${v.toFixed(2)}` : '0'),
          },
          {
            title: t('cockpit.charts.bonuses'),
            dataIndex: 'bonuses',
            align: 'right',
            responsive: ['sm'],
            render: (v: number) => (v ? `+${v.toFixed(2)}` : '0'),
          },
        ]}
      />
      <Link to={`/assessment/${period.id}`}>{t('cockpit.charts.openPeriod')}</Link>
    </ChartCard>
  );
}
