import type { Executor } from '../db/connect.js';

/**
 * Open tasks by light and flags, as of the last sweep: one pass over tasks_health_idx's light range
 * (rows without a light are not in it), grouped.
 */
export async function countByLightAndFlags(db: Executor): Promise<{ light: string; flags: number; n: number }[]> {
  const rows = await db
    .selectFrom('tasks')
    .select(['health_light', 'health_flags', (eb) => eb.fn.countAll<number>().as('n')])
    .where('health_light', 'in', ['green', 'amber', 'red'])
    .groupBy(['health_light', 'health_flags'])
    .execute();
  return rows.map((row) => ({ light: row.health_light as string, flags: row.health_flags, n: Number(row.n) }));
}

/**
 * Open tasks whose deadline falls in [from, to] (tasks_status_deadline_idx), nearest first: the ones
 * the ladder may act on in the coming days.
 */
export async function listTaskIdsWithDeadlineBetween(
  db: Executor,
  input: { from: string; to: string; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('status', 'in', ['assigned', 'in_progress', 'returned'])
    .where('deadline', '>=', input.from)
    .where('deadline', '<=', input.to)
    .orderBy('deadline')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The day the last daily full sweep completed. */
export async function lastFullSweepDay(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('job_runs').select('last_day').where('name', '=', 'health_full').executeTakeFirst();
  return row?.last_day ?? null;
}
