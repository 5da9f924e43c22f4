import type { Database } from '../db/connect.js';

// The demo's only direct writes for the public page: accepted reports are closed to editing, so
// the demo gives a few of them their public summary here, as a unit would have written it.

/** Top-level tasks with an accepted lead report, most accepted reports first (reports_task_status_idx). */
export function listTasksWithAcceptedReports(db: Database, limit: number) {
  return db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['tasks.id', 'tasks.version', 'tasks.title'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reports.status', '=', 'accepted')
    .where('reports.role', '=', 'lead')
    .where('tasks.status', 'not in', ['draft', 'cancelled'])
    .groupBy(['tasks.id', 'tasks.version', 'tasks.title'])
    .orderBy('n', 'desc')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}

/** A task's accepted lead reports, oldest period first. */
export function listAcceptedLeadReports(db: Database, taskId: number) {
  return db
    .selectFrom('reports')
    .select(['id', 'period_end', 'percent'])
    .where('task_id', '=', taskId)
    .where('status', '=', 'accepted')
    .where('role', '=', 'lead')
    .orderBy('period_end')
    .execute();
}

export async function setPublicSummary(db: Database, reportId: number, text: string): Promise<void> {
  await db.updateTable('reports').set({ public_summary: text }).where('id', '=', reportId).execute();
}

/** True when some task is already public (the demo step has run). */
export async function hasPublicTask(db: Database): Promise<boolean> {
  return Boolean(await db.selectFrom('tasks').select('id').where('is_public', '=', 1).limit(1).executeTakeFirst());
}

/** The newest pending public ratings of a task, for the demo's moderation. */
export function listPendingRatings(db: Database, taskId: number) {
  return db
    .selectFrom('public_ratings')
    .select(['id', 'version'])
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
}
