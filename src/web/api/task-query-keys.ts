import type { SourceFilters } from './sources.api.js';
import type { TaskListQuery } from './tasks.api.js';

/**
 * TanStack Query keys for tasks, sources and the inbox (kept beside query-keys.ts so features
 * under construction in parallel do not collide). A task write changes lists, trees, the inbox
 * and the sources' task counts, so it invalidates all three roots.
 */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskListQuery) => ['tasks', 'list', query] as const,
  detail: (id: number) => ['tasks', 'detail', id] as const,
  tree: (id: number) => ['tasks', 'tree', id] as const,
  inbox: ['inbox'] as const,
};

export const sourceKeys = {
  all: ['sources'] as const,
  list: (filters: SourceFilters) => ['sources', 'list', filters] as const,
  detail: (id: number) => ['sources', 'detail', id] as const,
};
