import { type Insertable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { TaskEventTable, TaskTable, TaskUnitTable } from '../db/schema-tasks.js';

// The spreadsheet import's own queries: the names it resolves (read once per import, never per
// row), and multi-row inserts for a sheet's new tasks, their units and history. Rows per statement
// stay under SQLite's 32,766 bound parameters (tasks have ~35 columns: 500 rows ≈ 17,500).

const TASK_CHUNK = 500;
const SMALL_CHUNK = 2000;

/** Active units with every name they answer to (units is small: the whole table). */
export function listActiveUnitNames(db: Executor) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'aliases', 'path'])
    .where('archived_at', 'is', null)
    .execute();
}

/** Active people holding the leader role, by display name (user_roles_role_idx). */
export function listActiveLeaders(db: Executor) {
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.display_name'])
    .where('user_roles.role', '=', 'leader')
    .where('users.deactivated_at', 'is', null)
    .execute();
}

/**
 * Takes `count` consecutive task numbers of a year at once (the counter row's lock, as
 * nextTaskSeq takes one): returns the first; the last is first + count − 1.
 */
export async function reserveTaskSeqs(db: Executor, year: number, count: number): Promise<number> {
  const row = await db
    .insertInto('task_counters')
    .values({ year, last_seq: count })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: sql<number>`task_counters.last_seq + ${count}` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq - count + 1;
}

export type NewTaskValues = Insertable<TaskTable>;

/** Inserts tasks (paths still empty: setTaskPaths fills them), returning each id with its number. */
export async function insertTaskRows(
  db: Executor,
  rows: readonly NewTaskValues[],
): Promise<Array<{ id: number; number: string }>> {
  const out: Array<{ id: number; number: string }> = [];
  for (let start = 0; start < rows.length; start += TASK_CHUNK) {
    const chunk = rows.slice(start, start + TASK_CHUNK);
    out.push(...(await db.insertInto('tasks').values(chunk).returning(['id', 'number']).execute()));
  }
  return out;
}

/**
 * Sets the materialised paths of just-inserted tasks from their parents' (which must already be
 * set: insert and call this level by level), in one statement per chunk.
 */
export async function setTaskPaths(db: Executor, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += SMALL_CHUNK) {
    await db
      .updateTable('tasks')
      .set({
        path: sql<string>`coalesce((select p.path from tasks p where p.id = tasks.parent_id), '/') || cast(tasks.id as text) || '/'`,
      })
      .where('id', 'in', ids.slice(start, start + SMALL_CHUNK))
      .execute();
  }
}

/** Inserts lead and cooperating links of new tasks (status and deadline copies are filled by trigger). */
export async function insertTaskUnitRows(db: Executor, rows: readonly Insertable<TaskUnitTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += SMALL_CHUNK) {
    await db
      .insertInto('task_units')
      .values(rows.slice(start, start + SMALL_CHUNK))
      .execute();
  }
}

/** Appends history entries of many tasks. */
export async function insertTaskEventRows(db: Executor, rows: readonly Insertable<TaskEventTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += SMALL_CHUNK) {
    await db
      .insertInto('task_events')
      .values(rows.slice(start, start + SMALL_CHUNK))
      .execute();
  }
}

/** Descriptions of tasks by id, for the export's 备注 column (primary key, in chunks). */
export async function taskDescriptions(db: Executor, ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (let start = 0; start < ids.length; start += SMALL_CHUNK) {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'description'])
      .where('id', 'in', ids.slice(start, start + SMALL_CHUNK))
      .execute();
    for (const row of rows) out.set(row.id, row.description);
  }
  return out;
}
