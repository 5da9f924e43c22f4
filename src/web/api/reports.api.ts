import type { z } from 'zod';
import type {
  ReportAction,
  ReportCycleKind,
  reportCompareSchema,
  reportCycleSchema,
  reportDetailSchema,
  reportPartSchema,
  reportPeriodSchema,
  reportRoundSchema,
  reportSettingsSchema,
  reportSlotSchema,
  reportSummarySchema,
  saveReportBody,
  taskReportsSchema,
} from '../../shared/reports-api.js';
import { apiRequest } from './http.js';

// The reporting API (进展反馈) as the web calls it; the shapes come from src/shared/reports-api.ts.

export type TaskReports = z.infer<typeof taskReportsSchema>;
export type ReportPeriodView = z.infer<typeof reportPeriodSchema>;
export type ReportSlot = z.infer<typeof reportSlotSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type ReportPart = z.infer<typeof reportPartSchema>;
export type ReportRound = z.infer<typeof reportRoundSchema>;
export type ReportCompare = z.infer<typeof reportCompareSchema>;
export type ReportCycleView = z.infer<typeof reportCycleSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
/** What `PUT /reports/:id` takes besides the version: only the fields sent change. */
export type ReportDraftFields = Omit<z.input<typeof saveReportBody>, 'version'>;

/** A task's cycle, stalled mark and periods (newest first) with every unit's slot. */
export function getTaskReports(taskId: number, signal?: AbortSignal): Promise<TaskReports> {
  return apiRequest(`/tasks/${taskId}/reports`, { signal });
}

/** Starts my unit's report for a slot (or answers the one already started). */
export function startReport(taskId: number, periodId: number): Promise<ReportDetail> {
  return apiRequest(`/tasks/${taskId}/reports`, { method: 'POST', body: { periodId } });
}

export function getReport(reportId: number, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest(`/reports/${reportId}`, { signal });
}

/** Saves a draft (autosave); 409 version_conflict when it was saved elsewhere in between. */
export function saveReport(reportId: number, version: number, fields: ReportDraftFields): Promise<ReportDetail> {
  return apiRequest(`/reports/${reportId}`, { method: 'PUT', body: { ...fields, version } });
}

/** Submit, approve, return (with a reason) or accept. */
export function actOnReport(
  reportId: number,
  input: { action: ReportAction; version: number; reason?: string | null },
): Promise<ReportDetail> {
  return apiRequest(`/reports/${reportId}/actions`, { method: 'POST', body: input });
}

/** Two reports side by side, with their similarity and a character diff (left → right). */
export function compareReports(reportId: number, otherId: number, signal?: AbortSignal): Promise<ReportCompare> {
  return apiRequest(`/reports/${reportId}/compare/${otherId}`, { signal });
}

/** Sets a task's own reporting cycle (version 0: its first own cycle); supervisors. */
export function setReportCycle(
  taskId: number,
  input: { version: number; kind: ReportCycleKind; customDates?: string[]; anchorDate?: string | null },
): Promise<ReportCycleView> {
  return apiRequest(`/tasks/${taskId}/report-cycle`, { method: 'PUT', body: input });
}

export function getReportSettings(signal?: AbortSignal): Promise<ReportSettings> {
  return apiRequest('/settings/reports', { signal });
}

export function updateReportSettings(input: ReportSettings): Promise<ReportSettings> {
  return apiRequest('/settings/reports', { method: 'PUT', body: input });
}
