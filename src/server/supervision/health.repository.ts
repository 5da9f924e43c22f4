import type { Executor } from '../db/connect.js';

/** The health columns of a task, as stored (all null/empty for a task that is not open). */
export interface StoredHealth {
  health_light: string | null;
  health_flags: number;
  health_reasons: string;
  health_expected: number | null;
  health_forecast: string | null;
  health_on: string | null;
}

/**
 * Writes a task's health. Not an edit: version and updated_at stay, so nobody's form goes stale and
 * the task_units copies (kept on updates of status, deadline, updated_at) are not touched.
 */
export async function writeTaskHealth(db: Executor, taskId: number, health: StoredHealth): Promise<void> {
  await db.updateTable('tasks').set(health).where('id', '=', taskId).execute();
}

/** The queued tasks, oldest request first (at most `limit`). */
export function listQueuedHealth(db: Executor, limit: number): Promise<{ task_id: number; queued_at: string }[]> {
  return db.selectFrom('health_queue').select(['task_id', 'queued_at']).orderBy('queued_at').limit(limit).execute();
}

/**
 * Removes queue rows the sweep has handled, each only if it was not queued again meanwhile (a
 * newer `queued_at` stays for the next sweep).
 */
export async function dequeueHealth(db: Executor, handled: readonly { task_id: number; queued_at: string }[]) {
  for (const row of handled) {
    await db
      .deleteFrom('health_queue')
      .where('task_id', '=', row.task_id)
      .where('queued_at', '=', row.queued_at)
      .execute();
  }
}

/** How many tasks wait for the incremental sweep. */
export async function countQueuedHealth(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('health_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
