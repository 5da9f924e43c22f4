import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { ClosureApplicationTable, ClosureRoundTable } from '../db/schema-closure.js';

export type ClosureApplicationRow = Selectable<ClosureApplicationTable>;
export type ClosureRoundRow = Selectable<ClosureRoundTable>;

/** A task's current closure application: its newest one (closure_applications_task_idx). */
export function findCurrentApplicationRow(db: Executor, taskId: number): Promise<ClosureApplicationRow | undefined> {
  return db
    .selectFrom('closure_applications')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertApplicationRow(
  db: Executor,
  values: Omit<ClosureApplicationRow, 'id'>,
): Promise<ClosureApplicationRow> {
  return db.insertInto('closure_applications').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Versioned update; undefined when the version no longer matches. */
export function updateApplicationRow(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Omit<ClosureApplicationRow, 'id' | 'task_id' | 'created_by' | 'created_at' | 'version'>>,
): Promise<ClosureApplicationRow | undefined> {
  return db
    .updateTable('closure_applications')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertRoundRow(db: Executor, values: Omit<ClosureRoundRow, 'id'>): Promise<void> {
  await db.insertInto('closure_rounds').values(values).execute();
}

/** Every round of a task's applications, oldest first (closure_rounds_application_idx per application). */
export function listRoundRowsOfTask(db: Executor, taskId: number): Promise<ClosureRoundRow[]> {
  return db
    .selectFrom('closure_rounds')
    .selectAll('closure_rounds')
    .where(
      'closure_rounds.application_id',
      'in',
      db.selectFrom('closure_applications').select('id').where('task_id', '=', taskId),
    )
    .orderBy('closure_rounds.id')
    .execute();
}

/** How many of a task's children are neither closed nor cancelled (tasks_parent_idx). */
export async function countOpenChildren(db: Executor, taskId: number): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', taskId)
    .where('status', 'not in', ['closed', 'cancelled'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The content JSON of the task's accepted plan version, if any (plans_accepted_uq). */
export async function findAcceptedPlanContent(db: Executor, taskId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('plans')
    .select('content')
    .where('task_id', '=', taskId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  return row?.content;
}
