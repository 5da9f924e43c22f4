import type { Executor } from '../db/connect.js';

/**
 * Moves the assignment of the demo's reporting tasks into the past (`tasks.assigned_at`, by primary
 * key), the one write of the demo that no service makes.
 *
 * Why: a task's report slots are opened from its assignment date for the periods that have ended
 * since (report-slots.service.ts), and assigning always stamps the current instant, on purpose —
 * no service lets anyone antedate an assignment. A demo assigned "now" would have no ended period,
 * so no report, no late or missing one. Call it right after the tasks are assigned and before
 * anything reads their reports: the slots are then opened by the ordinary services from this date.
 * The task history keeps the real instant of the `assign` entry.
 */
export async function backdateDemoAssignments(db: Executor, taskIds: readonly number[], assignedAt: string) {
  if (taskIds.length === 0) return;
  await db.updateTable('tasks').set({ assigned_at: assignedAt }).where('id', 'in', taskIds).execute();
}

/**
 * Dates a demo report's submission as if it had been sent in its period (`reports.submitted_at`
 * and `late_working_days`, by primary key): the services stamp the current instant, so a demo
 * loaded today would show every report of past months as weeks late. The rounds and the task
 * history keep the real instants.
 */
export async function backdateDemoSubmission(
  db: Executor,
  reportId: number,
  submittedAt: string,
  lateWorkingDays: number,
) {
  await db
    .updateTable('reports')
    .set({ submitted_at: submittedAt, late_working_days: lateWorkingDays })
    .where('id', '=', reportId)
    .where('submitted_at', 'is not', null)
    .execute();
}
