import {
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PrinterOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Flex, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { StatusReportWindowKind } from '../../../shared/status-reports-api.js';
import {
  getStatusReport,
  type StatusReportFilters,
  statusReportFileUrl,
  statusReportKeys,
} from '../../api/status-reports.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { PeriodPicker, SourcePicker } from './status-report-pickers.js';
import { STATUS_REPORT_CSS, StatusReportSheet } from './status-report-sheet.js';

const WINDOWS: StatusReportWindowKind[] = ['weekly', 'monthly', 'custom'];
const DAY = 'YYYY-MM-DD';

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** `?sourceId=|periodId=&window=&on=|from=&to=`, so a report can be shared as a link. */
function filtersFrom(params: URLSearchParams): StatusReportFilters & { basis: 'source' | 'period' } {
  const window = params.get('window');
  const periodId = positive(params.get('periodId'));
  return {
    basis: periodId ? 'period' : params.get('basis') === 'period' ? 'period' : 'source',
    sourceId: positive(params.get('sourceId')),
    periodId,
    window: WINDOWS.includes(window as StatusReportWindowKind) ? (window as StatusReportWindowKind) : 'weekly',
    on: params.get('on') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/**
 * 落实情况报告: choose a source or a period and a window, read the report for what you may see,
 * download it as Word, PDF or Excel, or print it (the print stylesheet leaves only the sheet).
 */
export function StatusReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const canSchedule = hasAnyRole(user, ['supervisor', 'admin']);
  const seesPeriods = hasAnyRole(user, ['supervisor', 'admin', 'leader', 'auditor']);
  const ready =
    Boolean(filters.sourceId || filters.periodId) &&
    (filters.window !== 'custom' || Boolean(filters.from && filters.to));
  const query = useQuery({
    queryKey: statusReportKeys.report(filters, locale),
    queryFn: ({ signal }) => getStatusReport(filters, locale, signal),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<ReturnType<typeof filtersFrom>>) => {
    const next = { ...filters, ...patch };
    const search = new URLSearchParams();
    if (next.basis === 'period') {
      search.set('basis', 'period');
      if (next.periodId) search.set('periodId', String(next.periodId));
    } else if (next.sourceId) search.set('sourceId', String(next.sourceId));
    search.set('window', next.window);
    if (next.window === 'custom') {
      if (next.from) search.set('from', next.from);
      if (next.to) search.set('to', next.to);
    } else if (next.on) search.set('on', next.on);
    setParams(search, { replace: true });
  };
  const files = ready && (
    <>
      <Button icon={<FileWordOutlined />} href={statusReportFileUrl(filters, 'docx', locale)} download>
        {t('statusReports.download.docx')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={statusReportFileUrl(filters, 'pdf', locale)} download>
        {t('statusReports.download.pdf')}
      </Button>
      <Button icon={<FileExcelOutlined />} href={statusReportFileUrl(filters, 'xlsx', locale)} download>
        {t('statusReports.download.xlsx')}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!query.data}>
        {t('statusReports.print')}
      </Button>
    </>
  );
  return (
    <>
      <style>{STATUS_REPORT_CSS}</style>
      <div className="status-report-controls">
        <PageHeader
          title={t('statusReports.title')}
          subtitle={t('statusReports.subtitle')}
          extra={
            canSchedule && (
              <Link to="/status-reports/schedules">
                <Button icon={<ScheduleOutlined />}>{t('statusReports.schedulesLink')}</Button>
              </Link>
            )
          }
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          {seesPeriods && (
            <Segmented
              aria-label={t('statusReports.form.basis')}
              value={filters.basis}
              onChange={(basis) =>
                set({ basis: basis as 'source' | 'period', sourceId: undefined, periodId: undefined })
              }
              options={[
                { value: 'source', label: t('statusReports.form.source') },
                { value: 'period', label: t('statusReports.form.period') },
              ]}
            />
          )}
          <div style={{ flex: '1 1 240px', maxWidth: 420, minWidth: 0 }}>
            {filters.basis === 'period' ? (
              <PeriodPicker value={filters.periodId} onChange={(periodId) => set({ periodId })} />
            ) : (
              <SourcePicker value={filters.sourceId} onChange={(sourceId) => set({ sourceId })} />
            )}
          </div>
        </Flex>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented
            aria-label={t('statusReports.form.window')}
            value={filters.window}
            onChange={(window) => set({ window: window as StatusReportWindowKind })}
            options={WINDOWS.map((value) => ({ value, label: t(`statusReports.form.${value}`) }))}
          />
          {filters.window === 'custom' ? (
            <DatePicker.RangePicker
              aria-label={t('statusReports.form.range')}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(range) =>
                set({ from: range?.[0]?.format(DAY) ?? undefined, to: range?.[1]?.format(DAY) ?? undefined })
              }
            />
          ) : (
            <DatePicker
              aria-label={t('statusReports.form.on')}
              picker={filters.window === 'monthly' ? 'month' : 'week'}
              value={filters.on ? dayjs(filters.on) : dayjs()}
              onChange={(day) => set({ on: day ? day.format(DAY) : undefined })}
              allowClear={false}
            />
          )}
        </Flex>
        {files && (
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {files}
          </Flex>
        )}
      </div>
      {!ready ? (
        <Empty description={t('statusReports.pick')} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <StatusReportSheet report={query.data} />
      )}
    </>
  );
}
