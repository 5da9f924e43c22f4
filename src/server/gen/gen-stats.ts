import { OVERDUE_STATUSES } from '../tasks/task-list.repository.js';
import type { GenRows } from './gen-task-rows.js';

/** Counts kept while generating, for the summary `luoshi gen` prints. */
export interface GenStats {
  tasks: number;
  taskUnits: number;
  events: number;
  byStatus: Record<string, number>;
  byDepth: number[];
  keyTasks: number;
  /** Open tasks (assigned, in progress, returned) past their deadline. */
  overdue: number;
}

/** Empty counts. */
export function newStats(): GenStats {
  return { tasks: 0, taskUnits: 0, events: 0, byStatus: {}, byDepth: [], keyTasks: 0, overdue: 0 };
}

/** Adds one tree's rows to the counts. */
export function countRows(stats: GenStats, rows: GenRows, today: string): void {
  stats.tasks += rows.tasks.length;
  stats.taskUnits += rows.taskUnits.length;
  stats.events += rows.events.length;
  for (const task of rows.tasks) {
    stats.byStatus[task.status] = (stats.byStatus[task.status] ?? 0) + 1;
    stats.byDepth[task.depth] = (stats.byDepth[task.depth] ?? 0) + 1;
    stats.keyTasks += task.is_key;
    const open = (OVERDUE_STATUSES as readonly string[]).includes(task.status);
    if (open && task.deadline !== null && task.deadline < today) stats.overdue++;
  }
}

/** Share of open tasks that are overdue. */
export function overdueShare(stats: GenStats): number {
  const open = OVERDUE_STATUSES.reduce((n, s) => n + (stats.byStatus[s] ?? 0), 0);
  return open ? stats.overdue / open : 0;
}
