import type { TaskSummary } from '../../../shared/task-api.js';
import { OPEN_STATUSES } from '../../../shared/tasks.js';

/** 红黄绿灯: the sweep's light (src/domain/task-health.ts); none when the task is not open. */
export type TaskHealth = 'red' | 'amber' | 'green' | 'none';

/**
 * The light the server assessed; before the first sweep has seen a task, the simple reading of its
 * flags (red when overdue, amber when not acknowledged in time, green otherwise).
 */
export function taskHealth(
  task: Pick<TaskSummary, 'status' | 'overdue' | 'acknowledgementOverdue'> & { health?: TaskSummary['health'] },
): TaskHealth {
  if (!OPEN_STATUSES.includes(task.status)) return 'none';
  if (task.health) return task.health.light;
  if (task.overdue) return 'red';
  if (task.acknowledgementOverdue) return 'amber';
  return 'green';
}

/** A task in a tree, with its children in the server's order. */
export interface TaskTreeNode extends TaskSummary {
  children?: TaskTreeNode[];
}

/**
 * Nests a subtree answered flat (parents before children). The root itself, when present, is
 * left out; a node whose parent is missing is kept at the top rather than lost.
 */
export function buildTaskTree(items: readonly TaskSummary[], rootId: number | null): TaskTreeNode[] {
  const nodes = new Map<number, TaskTreeNode>();
  for (const item of items) if (item.id !== rootId) nodes.set(item.id, { ...item });
  const roots: TaskTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

/** Every id in a forest that has children (to expand a whole tree at once). */
export function parentIds(nodes: readonly TaskTreeNode[]): number[] {
  return nodes.flatMap((node) => (node.children?.length ? [node.id, ...parentIds(node.children)] : []));
}

/** Today in the browser's time zone as `YYYY-MM-DD` (deadlines are calendar dates). */
export function todayString(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formats a `YYYY-MM-DD` calendar date in the UI language, without time-zone drift. */
export function formatDay(day: string | null | undefined, locale: string, fallback = '—'): string {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return fallback;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** Whole days from today to a deadline (negative when past); null without a deadline. */
export function daysUntil(day: string | null | undefined, today = todayString()): number | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const toUtc = (value: string) =>
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return Math.round((toUtc(day) - toUtc(today)) / 86_400_000);
}
