import { Alert, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { useTaskReports } from '../../api/reports.queries.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { ReportCycleCard } from './report-cycle-card.js';
import { ReportPeriodCard } from './report-period-card.js';
import { useAcceptedPlan } from './use-accepted-plan.js';

/** 进展反馈: the task's reporting cycle, the stalled mark and every period's reports, newest first. */
export function TaskReportsTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const reports = useTaskReports(task.id);
  const plan = useAcceptedPlan(task.id);

  if (reports.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (reports.isError) return <LoadError error={reports.error} onRetry={() => void reports.refetch()} />;
  const { periods } = reports.data;
  // The newest lead report the caller may read starts open: what the task stands on now.
  const openPeriod = periods.findIndex((period) => period.slots.some((s) => s.role === 'lead' && s.report));
  const emptyText =
    task.status === 'draft'
      ? t('reports.empty.draft')
      : reports.data.cycle.kind === 'none'
        ? t('reports.empty.noCycle')
        : t('reports.empty.noPeriod');

  return (
    <Flex vertical gap={12} style={{ paddingTop: 4 }}>
      {reports.data.stalled && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.stalled.title')}
          description={
            reports.data.stalledSince
              ? t('reports.stalled.since', { date: formatDate(reports.data.stalledSince, locale) })
              : t('reports.stalled.help')
          }
        />
      )}
      <ReportCycleCard taskId={task.id} reports={reports.data} />
      {periods.length === 0 ? (
        <Empty description={emptyText} />
      ) : (
        periods.map((period, index) => (
          <ReportPeriodCard
            key={period.end}
            taskId={task.id}
            period={period}
            ownUnitIds={reports.data.ownUnitIds}
            plan={plan.content}
            isLatest={index === openPeriod}
          />
        ))
      )}
    </Flex>
  );
}
