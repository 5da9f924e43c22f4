/**
 * TanStack Query keys for progress reports, the task's files list writes and the reporting and
 * files settings (in their own file, like review-query-keys.ts, so features built in parallel do
 * not collide). A report step can move the task's progress, so writes also reload the task.
 */
export const reportKeys = {
  all: ['reports'] as const,
  task: (taskId: number) => ['reports', 'task', taskId] as const,
  detail: (reportId: number) => ['reports', 'detail', reportId] as const,
  compare: (reportId: number, otherId: number) => ['reports', 'compare', reportId, otherId] as const,
};

export const reportSettingKeys = {
  reports: ['settings', 'reports'] as const,
  /** The same key evidence.queries.ts reads the upload limit with. */
  files: ['settings', 'files'] as const,
};
