import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { ImportKeyTable } from '../db/schema-tasks.js';
import type { TaskRow, TaskUnitRow } from '../tasks/tasks.repository.js';

// The `import_keys` table (migration 0012): which task each row of an imported sheet (its 序号)
// or item of an imported document (its path) became, per source, so that importing an updated
// version updates those tasks instead of creating them again. Any import may use these.

export type ImportKeyRow = Selectable<ImportKeyTable>;

/** Rows per INSERT: three parameters a row, far under either database's limit. */
const INSERT_CHUNK = 1000;

/** A source's keys with the tasks they point to (import_keys primary key, then tasks by id). */
export async function listKeyedTasks(db: Executor, sourceId: number): Promise<Array<TaskRow & { row_key: string }>> {
  return db
    .selectFrom('import_keys')
    .innerJoin('tasks', 'tasks.id', 'import_keys.task_id')
    .selectAll('tasks')
    .select('import_keys.row_key')
    .where('import_keys.source_id', '=', sourceId)
    .execute();
}

/** The units of the tasks a source's keys point to, in one query (no query per task). */
export function listKeyedTaskUnits(db: Executor, sourceId: number): Promise<TaskUnitRow[]> {
  return db
    .selectFrom('import_keys')
    .innerJoin('task_units', 'task_units.task_id', 'import_keys.task_id')
    .selectAll('task_units')
    .where('import_keys.source_id', '=', sourceId)
    .execute();
}

/** Records many keys at once; a key already there now points to the new task. */
export async function saveImportKeys(db: Executor, rows: readonly ImportKeyRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db
      .insertInto('import_keys')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((oc) =>
        oc.columns(['source_id', 'row_key']).doUpdateSet((eb) => ({ task_id: eb.ref('excluded.task_id') })),
      )
      .execute();
  }
}

/** The tasks an earlier import of this source made, by row key (import_keys primary key). */
export async function listImportKeys(db: Executor, sourceId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('import_keys')
    .select(['row_key', 'task_id'])
    .where('source_id', '=', sourceId)
    .execute();
  return new Map(rows.map((row) => [row.row_key, row.task_id]));
}
