import { Alert, Col, Divider, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../shared/plans-api.js';
import type { ReportDetail } from '../../api/reports.api.js';
import { EvidenceFileList } from '../../components/evidence-file-list.js';
import { ReviewRounds } from '../../components/review-rounds.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { REPORT_TEXT_FIELDS } from './report-form-values.js';
import { DuplicateFlag, LateMark } from './report-marks.js';
import { ReportParts } from './report-parts.js';
import { ReportMilestones, ReportTargetValues } from './report-plan-items.js';
import { ReportPublicSummaryView } from './report-public-summary.js';
import { ReportStatusTag } from './report-status-tag.js';
import './reports.css';

/** A small heading inside a report. */
function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ margin: '4px 0' }}>
      {children}
    </Typography.Title>
  );
}

/** Who sent the report for which period, where it stands, and the marks a reviewer must see. */
export function ReportMeta({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Flex vertical gap={6}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {report.unitName}
        </Typography.Text>
        <Tag color={report.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`reports.roles.${report.role}`)}
        </Tag>
        <ReportStatusTag status={report.status} />
        {report.lateWorkingDays ? <LateMark workingDays={report.lateWorkingDays} /> : null}
        {report.flagged && report.similarity !== null && (
          <DuplicateFlag reportId={report.id} similarity={report.similarity} similarReportId={report.similarReportId} />
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('reports.view.periodLine', {
          start: formatDay(report.period.start, locale),
          end: formatDay(report.period.end, locale),
          due: formatDay(report.period.dueDate, locale),
        })}
        {report.submittedAt &&
          ` · ${t('reports.view.submittedAt', { time: formatDateTime(report.submittedAt, locale) })}`}
      </Typography.Text>
    </Flex>
  );
}

interface ReportViewProps {
  report: ReportDetail;
  plan: PlanContent | null;
  /** Leave out the header (when the page around shows it). */
  hideMeta?: boolean;
}

/** A progress report as its reviewers read it: texts, percent, plan items, evidence, parts and rounds. */
export function ReportView({ report, plan, hideMeta }: ReportViewProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} className="report-view">
      {!hideMeta && <ReportMeta report={report} />}
      <Row gutter={[32, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            {REPORT_TEXT_FIELDS.map((field) => (
              <Flex vertical gap={2} key={field}>
                <SectionTitle>{t(`reports.fields.${field}`)}</SectionTitle>
                <Typography.Paragraph
                  type={report[field].trim() ? undefined : 'secondary'}
                  style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {report[field].trim() || t('reports.view.empty')}
                </Typography.Paragraph>
              </Flex>
            ))}
            {report.role === 'lead' && report.parts.length > 0 && (
              <Flex vertical gap={6}>
                <SectionTitle>{t('reports.parts.title')}</SectionTitle>
                <ReportParts parts={report.parts} />
              </Flex>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Flex vertical gap={4}>
              <SectionTitle>{t('reports.fields.percent')}</SectionTitle>
              {report.percent === null ? (
                <Typography.Text type="secondary">{t('reports.view.noValue')}</Typography.Text>
              ) : (
                <Progress percent={report.percent} style={{ maxWidth: 420, margin: 0 }} />
              )}
            </Flex>
            {report.explanation && (
              <Alert type="warning" showIcon title={t('reports.fields.explanation')} description={report.explanation} />
            )}
            <ReportPublicSummaryView text={report.publicSummary} />
            {plan && plan.targets.length > 0 && (
              <Flex vertical gap={2}>
                <SectionTitle>{t('reports.fields.targetValues')}</SectionTitle>
                <ReportTargetValues plan={plan} values={report.targetValues} />
              </Flex>
            )}
            {plan && plan.milestones.length > 0 && (
              <Flex vertical gap={2}>
                <SectionTitle>{t('reports.fields.milestonesDone')}</SectionTitle>
                <ReportMilestones plan={plan} done={report.milestonesDone} />
              </Flex>
            )}
            <Flex vertical gap={2}>
              <SectionTitle>{t('reports.fields.files')}</SectionTitle>
              <EvidenceFileList files={report.files} emptyText={t('reports.view.noFiles')} />
            </Flex>
            <Divider style={{ margin: '4px 0' }} />
            <Flex vertical gap={2}>
              <SectionTitle>{t('reports.rounds.title')}</SectionTitle>
              <ReviewRounds
                rounds={report.rounds}
                actionLabel={(action) =>
                  action === 'submit' || action === 'approve' || action === 'return' || action === 'accept'
                    ? t(`reports.rounds.${action}`)
                    : action
                }
                emptyText={t('reports.rounds.empty')}
              />
            </Flex>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
