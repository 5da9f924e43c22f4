import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { TaskReportStateTable } from '../db/schema-reports.js';

export type TaskReportStateRow = Selectable<TaskReportStateTable>;

/** A task's reporting state (primary key). */
export function findTaskReportState(db: Executor, taskId: number): Promise<TaskReportStateRow | undefined> {
  return db.selectFrom('task_report_state').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

/** Writes a task's reporting state whole. */
export async function upsertTaskReportState(db: Executor, row: TaskReportStateRow): Promise<void> {
  const { task_id: _taskId, ...changes } = row;
  await db
    .insertInto('task_report_state')
    .values(row)
    .onConflict((oc) => oc.column('task_id').doUpdateSet(changes))
    .execute();
}

/** The accepted lead reports of a task, oldest period first: what the stalled mark is computed from. */
export function listAcceptedLeadPercents(
  db: Executor,
  taskId: number,
): Promise<Array<{ period_end: string; percent: number | null; updated_at: string }>> {
  return db
    .selectFrom('reports')
    .select(['period_end', 'percent', 'updated_at'])
    .where('task_id', '=', taskId)
    .where('role', '=', 'lead')
    .where('status', '=', 'accepted')
    .orderBy('period_end')
    .orderBy('id')
    .execute();
}

/**
 * For each task with a reporting state, how many of its lead periods after the last change of
 * percent are past their due date: the cycles without progress. One grouped query per batch
 * (report_periods_task_idx per task).
 */
export async function countCyclesSinceChange(
  db: Executor,
  taskIds: readonly number[],
  today: string,
): Promise<Array<{ task_id: number; stalled: number; last_percent: number | null; cycles: number }>> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .selectFrom('task_report_state as s')
    .leftJoin('report_periods as p', (join) =>
      join
        .onRef('p.task_id', '=', 's.task_id')
        .on('p.role', '=', 'lead')
        .onRef('p.period_end', '>', 's.change_period_end')
        .on('p.due_date', '<', today),
    )
    .select(['s.task_id', 's.stalled', 's.last_percent'])
    .select((eb) => eb.fn.count<number>('p.period_end').distinct().as('cycles'))
    .where('s.task_id', 'in', taskIds)
    .groupBy(['s.task_id', 's.stalled', 's.last_percent'])
    .execute();
  return rows.map((row) => ({ ...row, cycles: Number(row.cycles) }));
}

/** Sets the stalled mark of several tasks (since now when it is raised, cleared otherwise). */
export async function setStalled(
  db: Executor,
  taskIds: readonly number[],
  stalled: boolean,
  at: string,
): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .updateTable('task_report_state')
    .set({ stalled: stalled ? 1 : 0, stalled_since: stalled ? at : null })
    .where('task_id', 'in', taskIds)
    .execute();
}
