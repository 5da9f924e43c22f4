import type { ReviewFilters } from './reviews.api.js';

/**
 * TanStack Query keys for plans, closure applications, evidence files, notifications and the
 * review queue (kept in their own file, like task-query-keys.ts, so features built in parallel
 * do not collide). A review step changes the task too, so writes also invalidate the task keys.
 */
export const planKeys = {
  all: ['plans'] as const,
  task: (taskId: number) => ['plans', taskId] as const,
  current: (taskId: number) => ['plans', taskId, 'current'] as const,
  versions: (taskId: number) => ['plans', taskId, 'versions'] as const,
  version: (taskId: number, versionNo: number) => ['plans', taskId, 'version', versionNo] as const,
  diff: (taskId: number, from: number, to: number) => ['plans', taskId, 'diff', from, to] as const,
};

export const closureKeys = {
  all: ['closure'] as const,
  task: (taskId: number) => ['closure', taskId] as const,
};

export const taskFileKeys = {
  all: ['task-files'] as const,
  list: (taskId: number) => ['task-files', taskId] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', { unreadOnly }] as const,
};

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (filters: ReviewFilters) => ['reviews', 'list', filters] as const,
};

export const reviewSettingKeys = {
  plans: ['settings', 'plans'] as const,
  closure: ['settings', 'closure'] as const,
};
