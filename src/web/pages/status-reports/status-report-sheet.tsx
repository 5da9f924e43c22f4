import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lightName } from '../../../shared/health-terms.js';
import type { TaskStatus } from '../../../shared/tasks.js';
import type { StatusReport, StatusReportItem } from '../../api/status-reports.api.js';
import { TaskStatusTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';

// The report as a sheet on screen and on paper: the red letterhead, number and heading, the
// figures, then every item with its fields. The print stylesheet (status-reports-page) hides the
// app around it.

const LIGHT_COLORS = { red: 'red', amber: 'gold', green: 'green' } as const;

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="status-report-figure">
      <div className="status-report-figure-value">{value}</div>
      <div className="status-report-figure-label">{label}</div>
    </div>
  );
}

function Lines({ values, none }: { values: readonly string[]; none: string }) {
  if (values.length === 0) return <Typography.Text type="secondary">{none}</Typography.Text>;
  return (
    <>
      {values.map((value) => (
        <div key={value} style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </div>
      ))}
    </>
  );
}

function Item({ item }: { item: StatusReportItem }) {
  const { t } = useTranslation();
  const none = t('statusReports.none');
  const colon = currentLocale() === 'en' ? ': ' : '：';
  const coordination = [
    ...item.coordinationNeeded,
    ...item.coordinationRequests.map((request) =>
      request.toName ? `${request.matter} → ${request.toName}` : request.matter,
    ),
  ];
  const rows: Array<[string, ReactNode]> = [
    [
      t('statusReports.field.progressMade'),
      <Lines key="p" values={item.progressMade ? [item.progressMade] : []} none={none} />,
    ],
    [t('statusReports.field.problems'), <Lines key="q" values={item.problems} none={none} />],
    [t('statusReports.field.nextSteps'), <Lines key="n" values={item.nextSteps} none={none} />],
    [t('statusReports.field.coordination'), <Lines key="c" values={coordination} none={none} />],
  ];
  return (
    <section className="status-report-item" style={{ marginInlineStart: Math.min(item.depth, 4) * 16 }}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{item.key}</Typography.Text>
        <Typography.Text strong style={{ flex: '1 1 200px', minWidth: 0 }}>
          {item.title}
        </Typography.Text>
        <Typography.Text type="secondary">{item.number}</Typography.Text>
      </Flex>
      <Flex gap={8} wrap align="center" style={{ margin: '6px 0' }}>
        <TaskStatusTag status={item.status as TaskStatus} />
        {item.light && (
          <Tag color={LIGHT_COLORS[item.light]} style={{ marginInlineEnd: 0 }}>
            {lightName(item.light, currentLocale())}
          </Tag>
        )}
        {item.isOverdue && (
          <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
            {t('statusReports.overdue')}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {t('statusReports.field.lead')}
          {colon}
          {item.leadUnitName ?? none}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('statusReports.field.deadline')}
          {colon}
          {item.deadline ?? none}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('statusReports.field.progress')}
          {colon}
          {item.progress}%
        </Typography.Text>
      </Flex>
      <dl className="status-report-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The whole report. */
export function StatusReportSheet({ report }: { report: StatusReport }) {
  const { t } = useTranslation();
  const f = report.figures;
  return (
    <article className="status-report-sheet" aria-label={report.heading}>
      <header style={{ textAlign: 'center' }}>
        <div className="status-report-letterhead">{report.letterhead}</div>
        {report.number && <div className="status-report-number">{report.number}</div>}
        <hr className="status-report-rule" />
        <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>
          {report.heading}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('statusReports.window', { from: report.window.from, to: report.window.to })}
        </Typography.Text>
      </header>
      <div className="status-report-figures">
        <Figure label={t('statusReports.figures.items')} value={f.items} />
        <Figure label={t('statusReports.figures.closed')} value={f.closed} />
        <Figure label={t('statusReports.figures.onTime')} value={f.onTimeRate === null ? '—' : `${f.onTimeRate}%`} />
        <Figure label={t('statusReports.figures.overdue')} value={f.overdue} />
        <Figure label={t('statusReports.figures.red')} value={f.red} />
        <Figure label={t('statusReports.figures.amber')} value={f.amber} />
        <Figure label={t('statusReports.figures.green')} value={f.green} />
      </div>
      <Typography.Title level={5}>{t('statusReports.items')}</Typography.Title>
      {report.items.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('statusReports.empty')}</Typography.Paragraph>
      ) : (
        report.items.map((item) => <Item key={item.taskId} item={item} />)
      )}
    </article>
  );
}

/** Screen and print styles of the sheet; printing hides the app's menu, header and the controls. */
export const STATUS_REPORT_CSS = `
.status-report-sheet { background: #fff; border: 1px solid #e8ebf0; border-radius: 8px; padding: 24px; max-width: 960px; }
.status-report-letterhead { color: #d40000; font-size: 26px; font-weight: 700; letter-spacing: 2px; word-break: break-all; }
.status-report-number { margin-top: 8px; }
.status-report-rule { border: none; border-top: 2px solid #d40000; margin: 8px 0 0; }
.status-report-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(72px, 1fr)); gap: 8px; margin: 16px 0; }
.status-report-figure { border: 1px solid #f0f0f0; border-radius: 6px; padding: 8px; text-align: center; }
.status-report-figure-value { font-size: 20px; font-weight: 600; }
.status-report-figure-label { color: #8c8c8c; font-size: 12px; }
.status-report-item { border-top: 1px solid #f0f0f0; padding: 12px 0; break-inside: avoid; }
.status-report-fields { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.status-report-fields > div { display: contents; }
.status-report-fields dt { color: #8c8c8c; }
.status-report-fields dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
@media (max-width: 575px) {
  .status-report-sheet { padding: 12px; }
  .status-report-letterhead { font-size: 20px; }
  .status-report-fields > div { grid-template-columns: 1fr; gap: 0; }
}
@media print {
  .ant-layout-sider, .ant-layout-header, .skip-link, .status-report-controls, .ant-drawer { display: none !important; }
  .app-content { padding: 0 !important; margin: 0 !important; }
  .ant-layout { background: #fff !important; }
  .status-report-sheet { border: none; padding: 0; max-width: none; }
}
`;
