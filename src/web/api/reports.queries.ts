import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportAction, ReportCycleKind } from '../../shared/reports-api.js';
import { reportKeys, reportSettingKeys } from './report-query-keys.js';
import {
  actOnReport,
  compareReports,
  getReport,
  getReportSettings,
  getTaskReports,
  type ReportDetail,
  type ReportSettings,
  setReportCycle,
  startReport,
  updateReportSettings,
} from './reports.api.js';
import { notificationKeys, reviewKeys, taskFileKeys } from './review-query-keys.js';
import { taskKeys } from './task-query-keys.js';

/** A task's reporting cycle and periods with their slots, newest first. */
export function useTaskReports(taskId: number) {
  return useQuery({ queryKey: reportKeys.task(taskId), queryFn: ({ signal }) => getTaskReports(taskId, signal) });
}

export function useReport(reportId: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.detail(reportId),
    queryFn: ({ signal }) => getReport(reportId, signal),
    enabled,
  });
}

export function useReportCompare(reportId: number, otherId: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.compare(reportId, otherId),
    queryFn: ({ signal }) => compareReports(reportId, otherId, signal),
    enabled,
  });
}

/** Keeps an answered report and reloads what a report write may have changed elsewhere. */
export function useReportCache() {
  const queryClient = useQueryClient();
  return {
    remember: (report: ReportDetail) => queryClient.setQueryData(reportKeys.detail(report.id), report),
    /** After a review step: the task's progress and reports, queues, the inbox and files' in-use marks. */
    settle: (taskId: number) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.task(taskId) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskFileKeys.list(taskId) }),
      ]),
  };
}

/** Report writes other than the draft's autosave: start, review steps, the task's cycle. */
export function useReportMutations(taskId: number) {
  const queryClient = useQueryClient();
  const { remember, settle } = useReportCache();
  return {
    start: useMutation({
      mutationFn: (periodId: number) => startReport(taskId, periodId),
      onSuccess: remember,
      onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.task(taskId) }),
    }),
    act: useMutation({
      mutationFn: ({ report, action, reason }: { report: ReportDetail; action: ReportAction; reason?: string }) =>
        actOnReport(report.id, { action, version: report.version, reason: reason ?? null }),
      onSuccess: remember,
      onSettled: () => settle(taskId),
    }),
    setCycle: useMutation({
      mutationFn: (input: {
        version: number;
        kind: ReportCycleKind;
        customDates?: string[];
        anchorDate?: string | null;
      }) => setReportCycle(taskId, input),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: reportKeys.task(taskId) }),
          queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
        ]),
    }),
  };
}

export function useReportSettings() {
  return useQuery({ queryKey: reportSettingKeys.reports, queryFn: ({ signal }) => getReportSettings(signal) });
}

export function useUpdateReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportSettings) => updateReportSettings(input),
    onSuccess: (settings) => queryClient.setQueryData(reportSettingKeys.reports, settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
