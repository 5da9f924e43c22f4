import { InfoCircleOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DUPLICATE_SIMILARITY } from '../../../shared/reports-api.js';
import type { ReportCompare } from '../../api/reports.api.js';
import { useReportCompare } from '../../api/reports.queries.js';
import { currentLocale } from '../../i18n/index.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { formatDay } from '../tasks/task-view-model.js';
import { type DiffRun, diffColumns, markedShare } from './report-diff.js';
import { similarityPercent } from './report-marks.js';
import { parseReportId, ReportLoading, ReportNotFound } from './report-not-found.js';
import { ReportStatusTag } from './report-status-tag.js';
import './reports.css';

type Side = ReportCompare['left'];

/** One report's column: which report it is, and its text with what only it has highlighted. */
function CompareColumn({ side, runs, kind }: { side: Side; runs: readonly DiffRun[]; kind: 'left' | 'right' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const Mark = kind === 'left' ? 'del' : 'ins';
  return (
    <Card
      size="small"
      className="report-diff-column"
      title={
        <Flex vertical gap={2} style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
          <Flex align="center" gap={8} wrap>
            <Link to={`/reports/${side.id}`}>
              {t('reports.compare.reportOf', { unit: side.unitName, task: side.taskNumber })}
            </Link>
            <ReportStatusTag status={side.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('reports.compare.periodEnd', { date: formatDay(side.periodEnd, locale) })} ·{' '}
            {t(kind === 'left' ? 'reports.compare.onlyLeft' : 'reports.compare.onlyRight', {
              percent: Math.round(markedShare(runs) * 100),
            })}
          </Typography.Text>
        </Flex>
      }
    >
      <p className="report-diff">
        {runs.map((run, index) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are a fixed sequence, never reordered
          run.marked ? <Mark key={index}>{run.text}</Mark> : <span key={index}>{run.text}</span>,
        )}
      </p>
    </Card>
  );
}

function CompareView({ compare }: { compare: ReportCompare }) {
  const { t } = useTranslation();
  const percent = similarityPercent(compare.similarity);
  const isDuplicate = compare.similarity >= DUPLICATE_SIMILARITY;
  const { left, right } = diffColumns(compare.diff);
  useDocumentTitle(t('reports.compare.title'));
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/tasks">{t('tasks.title')}</Link> },
          {
            key: 'task',
            title: <Link to={`/tasks/${compare.left.taskId}?tab=reports`}>{compare.left.taskNumber}</Link>,
          },
          { key: 'report', title: <Link to={`/reports/${compare.left.id}`}>{t('reports.title')}</Link> },
          { key: 'compare', title: t('reports.compare.title') },
        ]}
      />
      <Card>
        <Flex vertical gap={8}>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('reports.compare.title')}
            </Typography.Title>
            {isDuplicate && <Tag color="magenta">{t('reports.marks.duplicate', { percent })}</Tag>}
          </Flex>
          <Flex align="center" gap={12} wrap>
            <Typography.Text>{t('reports.compare.similarity')}</Typography.Text>
            <Progress
              percent={percent}
              status="normal"
              strokeColor={isDuplicate ? '#c41d7f' : undefined}
              format={(value) => `${value ?? 0}%`}
              style={{ flex: '1 1 200px', maxWidth: 360, margin: 0 }}
              aria-label={t('reports.compare.similarity')}
            />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
            <InfoCircleOutlined /> {t('reports.compare.measure')}
          </Typography.Paragraph>
          <Flex align="center" gap={6} wrap style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">{t('reports.compare.legend')}</Typography.Text>
            <span className="report-diff-legend report-diff-legend-left">{t('reports.compare.legendLeft')}</span>
            <span className="report-diff-legend report-diff-legend-right">{t('reports.compare.legendRight')}</span>
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]} className="report-diff-columns">
        <Col xs={24} md={12}>
          <CompareColumn side={compare.left} runs={left} kind="left" />
        </Col>
        <Col xs={24} md={12}>
          <CompareColumn side={compare.right} runs={right} kind="right" />
        </Col>
      </Row>
    </Flex>
  );
}

/** 重复/雷同: two reports side by side (stacked on a phone) with the character differences marked. */
export function ReportComparePage() {
  const { id, otherId } = useParams();
  const reportId = parseReportId(id);
  const other = parseReportId(otherId);
  const compare = useReportCompare(reportId ?? 0, other ?? 0, reportId !== null && other !== null);
  if (reportId === null || other === null) return <ReportNotFound />;
  if (!compare.isSuccess) return <ReportLoading query={compare} rows={10} />;
  return <CompareView compare={compare.data} />;
}
