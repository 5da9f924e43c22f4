import { useMemo } from 'react';
import type { TaskSummary } from '../../../shared/task-api.js';
import { useTaskChildren } from '../../api/tasks.queries.js';
import type { TaskTreeNode } from './task-view-model.js';

/**
 * The tree view's rows: the top-level tasks, with the children of every expanded row loaded
 * (GET /tasks?parentId=…) and nested. A row whose children are not loaded yet gets an empty list,
 * so the table still offers to expand it.
 */
export function useTaskTreeRows(roots: readonly TaskSummary[], expandedIds: readonly number[]) {
  const { children, loadingIds, error, retry } = useTaskChildren(expandedIds);
  const rows = useMemo(() => {
    const seen = new Set<number>();
    const attach = (task: TaskSummary): TaskTreeNode => {
      if (task.childCount === 0 || seen.has(task.id)) return task;
      seen.add(task.id);
      return { ...task, children: (children[task.id] ?? []).map(attach) };
    };
    return roots.map(attach);
  }, [roots, children]);
  const loading = useMemo(() => new Set(loadingIds), [loadingIds]);
  return { rows, loadingIds: loading, error, retry };
}
