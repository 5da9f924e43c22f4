import type { Executor } from '../db/connect.js';

/**
 * Queues tasks for the next incremental health sweep, inside the caller's transaction: a change that
 * rolls back queues nothing, and a task queued twice is one row (the later time wins, so a sweep that
 * read the earlier row does not delete the newer request).
 */
export async function queueHealth(db: Executor, taskIds: readonly number[], at: string): Promise<void> {
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return;
  await db
    .insertInto('health_queue')
    .values(ids.map((taskId) => ({ task_id: taskId, queued_at: at })))
    .onConflict((oc) => oc.column('task_id').doUpdateSet({ queued_at: at }))
    .execute();
}
