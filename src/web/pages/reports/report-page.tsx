import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ReportDetail } from '../../api/reports.api.js';
import { useReport } from '../../api/reports.queries.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ReportActions } from './report-actions.js';
import { ReportBreadcrumb } from './report-breadcrumb.js';
import { parseReportId, ReportLoading, ReportNotFound } from './report-not-found.js';
import { ReportMeta, ReportView } from './report-view.js';
import { useAcceptedPlan } from './use-accepted-plan.js';

function ReportPageView({ report, onReload }: { report: ReportDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const plan = useAcceptedPlan(report.taskId);
  useDocumentTitle(`${t('reports.title')} ${report.task.number}`);
  return (
    <Flex vertical gap={16}>
      <ReportBreadcrumb report={report} />
      <Card>
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {report.task.title}
          </Typography.Title>
          <ReportMeta report={report} />
          <ReportActions report={report} onStale={onReload} />
        </Flex>
      </Card>
      <Card>
        <ReportView report={report} plan={plan.content} hideMeta />
      </Card>
    </Flex>
  );
}

/** 进展反馈 detail: one report with its marks, content, evidence, parts, rounds and review actions. */
export function ReportPage() {
  const { id } = useParams();
  const reportId = parseReportId(id);
  const report = useReport(reportId ?? 0, reportId !== null);
  if (reportId === null) return <ReportNotFound />;
  if (!report.isSuccess) return <ReportLoading query={report} rows={10} />;
  return <ReportPageView report={report.data} onReload={() => void report.refetch()} />;
}
