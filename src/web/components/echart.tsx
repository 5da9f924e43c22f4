import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

/** What a click on a chart element tells its handler (ECharts' event, narrowed). */
export interface ChartSelection {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

export interface EChartProps {
  /** An ECharts option object. */
  // biome-ignore lint/suspicious/noExplicitAny: ECharts' option type is its own large union
  option: Record<string, any>;
  height?: number;
  /** Called when a bar, slice or cell is clicked: charts drill down to the list behind them. */
  onSelect?: (selection: ChartSelection) => void;
  /** What the chart shows, for screen readers. */
  label: string;
  /** SVG draws each bar and cell as an element of the page (crisp, and reachable by tests); canvas by default. */
  renderer?: 'canvas' | 'svg';
}

const EChartCore = lazy(() => import('./echart-core.js'));

/** A chart, with ECharts loaded in its own chunk the first time one is shown. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 300 }} />}>
      <EChartCore {...props} />
    </Suspense>
  );
}
