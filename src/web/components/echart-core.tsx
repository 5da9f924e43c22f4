import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import type { EChartProps } from './echart.js';

// Only the charts and parts the screens use are registered, so this chunk stays small; it is loaded
// on demand by echart.tsx.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The ECharts component itself (see EChart). */
export default function EChartCore({ option, height = 300, onSelect, label, renderer = 'canvas' }: EChartProps) {
  return (
    <div role="img" aria-label={label}>
      <EChartsReactCore
        echarts={echarts}
        option={{ aria: { enabled: true }, ...option }}
        style={{ height, width: '100%' }}
        opts={{ renderer }}
        notMerge
        onEvents={
          onSelect
            ? {
                click: (params: { name: string; seriesName?: string; dataIndex: number; data: unknown }) =>
                  onSelect(params),
              }
            : undefined
        }
      />
    </div>
  );
}
