import { Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import type { ReasonCategory, ReviewSummary } from '../../api/review.api.js';
import { EChart } from '../../components/echart.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { useReviewSummary } from './review.queries.js';

/** Objective reasons in a calm blue, subjective ones (the unit's own doing) in a warning red. */
export const CATEGORY_COLOURS: Record<ReasonCategory, string> = { objective: '#4e79a7', subjective: '#d9534f' };

const CATEGORIES: ReasonCategory[] = ['objective', 'subjective'];

/**
 * Why tasks failed (issue 7 item 3): late and undone tasks of a period counted by reason, one bar
 * per reason, coloured and grouped by category (客观 / 主观). Reasons nobody chose are left out.
 */
export function FailureReasonsChart({ periodId, height }: { periodId: number; height?: number }) {
  const { t } = useTranslation();
  const summary = useReviewSummary(periodId);
  const emptyChart = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.chart.empty')} />;
  if (summary.isPending) return <Skeleton active />;
  // Not computed yet: nothing to chart. Not entitled (unit staff): the chart is simply not there.
  if (isApiError(summary.error, 'period_not_computed')) return emptyChart;
  if (isApiError(summary.error, 'forbidden')) return null;
  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const used = summary.data.reasons.filter((reason) => reason.count > 0);
  if (used.length === 0) return emptyChart;
  return (
    <div>
      <Typography.Text type="secondary">
        {t('review.chart.summary', {
          objective: summary.data.categories.objective ?? 0,
          subjective: summary.data.categories.subjective ?? 0,
        })}
      </Typography.Text>
      <EChart
        label={t('review.chart.label')}
        height={height ?? Math.max(180, used.length * 34 + 90)}
        option={chartOption(used, (category) => t(`review.categories.${category}`), t('review.chart.count'))}
      />
    </div>
  );
}

/**
 * A horizontal bar chart: reasons sorted by category then count (largest on top), one series per
 * category so the legend names and colours them; each bar carries its count.
 */
function chartOption(reasons: ReviewSummary['reasons'], categoryName: (c: ReasonCategory) => string, axisName: string) {
  const locale = currentLocale();
  const sorted = [...reasons].sort(
    (a, b) => CATEGORIES.indexOf(b.category) - CATEGORIES.indexOf(a.category) || a.count - b.count,
  );
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 40, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: axisName, nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      type: 'category',
      data: sorted.map((reason) => reason.labels[locale] ?? reason.label),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: CATEGORIES.map((category) => ({
      name: categoryName(category),
      type: 'bar',
      stack: 'reasons',
      barMaxWidth: 22,
      itemStyle: { color: CATEGORY_COLOURS[category] },
      label: { show: true, position: 'right', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: sorted.map((reason) => (reason.category === category ? reason.count : 0)),
    })),
  };
}
