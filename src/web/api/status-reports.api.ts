import type { Locale } from '../../shared/locales.js';
import type {
  CreateScheduleBody,
  Schedule,
  ScheduleRun,
  StatusReport,
  StatusReportFormat,
  StatusReportItem,
  StatusReportWindowKind,
  UpdateScheduleBody,
} from '../../shared/status-reports-api.js';
import { apiRequest, buildUrl } from './http.js';

// The implementation-report client (落实情况报告, issue 8): the report for the caller's scope, the
// addresses of its files, and the schedules that email it.

export type { Schedule, ScheduleRun, StatusReport, StatusReportFormat, StatusReportItem, StatusReportWindowKind };

/** What the report page asks for (kept in the address). */
export interface StatusReportFilters {
  sourceId?: number | undefined;
  periodId?: number | undefined;
  window: StatusReportWindowKind;
  on?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function queryOf(filters: StatusReportFilters, lang?: Locale) {
  return {
    sourceId: filters.sourceId,
    periodId: filters.periodId,
    window: filters.window,
    on: filters.window === 'custom' ? undefined : filters.on,
    from: filters.window === 'custom' ? filters.from : undefined,
    to: filters.window === 'custom' ? filters.to : undefined,
    lang,
  };
}

export const statusReportKeys = {
  all: ['status-reports'] as const,
  report: (filters: StatusReportFilters, lang: string) => ['status-reports', 'report', filters, lang] as const,
  schedules: ['status-reports', 'schedules'] as const,
};

export function getStatusReport(
  filters: StatusReportFilters,
  lang: Locale,
  signal?: AbortSignal,
): Promise<StatusReport> {
  return apiRequest('/status-reports', { query: queryOf(filters, lang), signal });
}

/** Where a file of the report downloads from (same-origin, with the session cookie). */
export function statusReportFileUrl(filters: StatusReportFilters, format: StatusReportFormat, lang: Locale): string {
  return buildUrl(`/status-reports/document.${format}`, queryOf(filters, lang));
}

export function listSchedules(signal?: AbortSignal): Promise<Schedule[]> {
  return apiRequest<{ items: Schedule[] }>('/status-report-schedules', { signal }).then((page) => page.items);
}

export function createSchedule(input: CreateScheduleBody): Promise<Schedule> {
  return apiRequest('/status-report-schedules', { method: 'POST', body: input });
}

export function updateSchedule(id: number, input: UpdateScheduleBody): Promise<Schedule> {
  return apiRequest(`/status-report-schedules/${id}`, { method: 'PATCH', body: input });
}

export function deleteSchedule(id: number, version: number): Promise<void> {
  return apiRequest(`/status-report-schedules/${id}`, { method: 'DELETE', query: { version } });
}

export function sendScheduleNow(id: number): Promise<ScheduleRun> {
  return apiRequest(`/status-report-schedules/${id}/send`, { method: 'POST' });
}
