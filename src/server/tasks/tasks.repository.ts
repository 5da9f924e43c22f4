import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { TaskEventTable, TaskHealthColumn, TaskTable, TaskUnitTable } from '../db/schema-tasks.js';

export type TaskRow = Selectable<TaskTable>;
export type TaskUnitRow = Selectable<TaskUnitTable>;
export type TaskEventRow = Selectable<TaskEventTable>;

/** One task by id (primary key). */
export function findTaskRow(db: Executor, id: number): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tasks by id, for batch checks. */
export function findTaskRows(db: Executor, ids: readonly number[]): Promise<TaskRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('tasks').selectAll().where('id', 'in', ids).execute();
}

/** Direct children in id order (tasks_parent_idx). */
export function listChildRows(db: Executor, parentId: number): Promise<TaskRow[]> {
  return db.selectFrom('tasks').selectAll().where('parent_id', '=', parentId).orderBy('id').execute();
}

/** A whole subtree, parents before children (a prefix range on tasks_path_idx). */
export function listSubtreeRows(db: Executor, path: string): Promise<TaskRow[]> {
  return db.selectFrom('tasks').selectAll().where('path', 'like', `${path}%`).orderBy('depth').orderBy('id').execute();
}

/** The latest deadline among a task's direct children (for "not before the subtasks' deadlines"). */
export async function latestChildDeadline(db: Executor, parentId: number): Promise<string | null> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('deadline').as('latest'))
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/**
 * Takes the next per-year number atomically: the upsert takes the counter row's lock on PostgreSQL
 * (SQLite writers are serial), so two registrations never get the same number.
 */
export async function nextTaskSeq(db: Executor, year: number): Promise<number> {
  const row = await db
    .insertInto('task_counters')
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: sql<number>`task_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export type NewTaskRow = Omit<
  TaskRow,
  'id' | 'path' | TaskHealthColumn | 'original_deadline' | 'kind' | 'closed_on'
> & {
  /** `task` unless given (rectification items, issue 7). */
  kind?: string;
};

/** Inserts a task and sets its materialised path from the parent's; its original deadline is its deadline. */
export async function insertTaskRow(db: Executor, values: NewTaskRow, parentPath: string | null): Promise<TaskRow> {
  const inserted = await db
    .insertInto('tasks')
    .values({ ...values, original_deadline: values.deadline, path: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .updateTable('tasks')
    .set({ path: `${parentPath ?? '/'}${inserted.id}/` })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type TaskChanges = Partial<
  Omit<TaskRow, 'id' | 'path' | 'version' | 'created_at' | 'created_by' | 'year' | 'seq' | 'number'>
>;

/** Versioned update that bumps the version; undefined when the version no longer matches. */
export function updateTaskRow(
  db: Executor,
  id: number,
  version: number,
  changes: TaskChanges,
): Promise<TaskRow | undefined> {
  return db
    .updateTable('tasks')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Takes the row locks of these tasks until the transaction ends, one by one in id order (so two
 * callers never wait on each other crosswise), by a no-op update that both dialects accept. On
 * SQLite writers are serial anyway; on PostgreSQL a concurrent writer of any of them waits here.
 */
export async function lockTaskRows(db: Executor, ids: readonly number[]): Promise<void> {
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    await db
      .updateTable('tasks')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .execute();
  }
}

/** Rewrites the path prefix and depth of a moved subtree in one statement (tasks_path_idx range). */
export async function rewriteSubtreePaths(
  db: Executor,
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

/**
 * Recomputes a parent's roll-up from its children: child count and progress as the weighted mean
 * (one aggregate over tasks_parent_idx). Returns the parent's new parent id, to walk on upward.
 *
 * The parent row is written (locked) before its children are read: on PostgreSQL a concurrent
 * transaction changing a sibling holds that lock until it commits, and the aggregate, a new
 * statement under READ COMMITTED, then sees the sibling's new value. Reading first would let two
 * siblings' updates each overwrite the parent with a mean missing the other's change.
 */
export async function recomputeRollup(db: Executor, parentId: number, now: string): Promise<number | null> {
  const parent = await db
    .updateTable('tasks')
    .set({ updated_at: now })
    .where('id', '=', parentId)
    .returning('parent_id')
    .executeTakeFirst();
  if (!parent) return null;
  const agg = await db
    .selectFrom('tasks')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`progress * weight`).as('weighted'),
      eb.fn.sum<number>('weight').as('weights'),
    ])
    .where('parent_id', '=', parentId)
    .executeTakeFirstOrThrow();
  const n = Number(agg.n);
  const weights = Number(agg.weights ?? 0);
  const progress = n > 0 && weights > 0 ? Math.round((Number(agg.weighted ?? 0) / weights) * 100) / 100 : null;
  await db
    .updateTable('tasks')
    .set({ child_count: n, ...(progress === null ? {} : { progress }) })
    .where('id', '=', parentId)
    .execute();
  return parent.parent_id;
}

/** Walks from a parent up to the root, recomputing each ancestor's roll-up (depth ≤ ~6). */
export async function rollUpFrom(db: Executor, parentId: number | null, now: string): Promise<void> {
  let current = parentId;
  for (let guard = 0; current !== null && guard < 64; guard++) current = await recomputeRollup(db, current, now);
}

/** The units of several tasks (task_units primary key). */
export function listTaskUnitRows(db: Executor, taskIds: readonly number[]): Promise<TaskUnitRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('task_units').selectAll().where('task_id', 'in', taskIds).execute();
}

/** Replaces a task's units (lead + cooperating), keeping acknowledgements of units that stay. */
export async function replaceTaskUnits(
  db: Executor,
  taskId: number,
  units: ReadonlyArray<{ unitId: number; role: 'lead' | 'cooperating'; part: string | null; unitPath: string }>,
): Promise<void> {
  const existing = await db.selectFrom('task_units').selectAll().where('task_id', '=', taskId).execute();
  const kept = new Map(existing.map((row) => [row.unit_id, row]));
  await db.deleteFrom('task_units').where('task_id', '=', taskId).execute();
  if (units.length === 0) return;
  await db
    .insertInto('task_units')
    .values(
      units.map((unit) => ({
        task_id: taskId,
        unit_id: unit.unitId,
        role: unit.role,
        unit_path: unit.unitPath,
        part: unit.part,
        acknowledged_at: kept.get(unit.unitId)?.acknowledged_at ?? null,
        acknowledged_by: kept.get(unit.unitId)?.acknowledged_by ?? null,
      })),
    )
    .execute();
}

/** Records a unit's acknowledgement (签收) of a task. */
export async function markUnitAcknowledged(
  db: Executor,
  taskId: number,
  unitId: number,
  userId: number | null,
  at: string,
) {
  await db
    .updateTable('task_units')
    .set({ acknowledged_at: at, acknowledged_by: userId })
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .where('acknowledged_at', 'is', null)
    .execute();
}

/** Sets one unit's part description. */
export async function setUnitPart(db: Executor, taskId: number, unitId: number, part: string | null): Promise<void> {
  await db
    .updateTable('task_units')
    .set({ part })
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .execute();
}

/** Appends to a task's history. */
export async function insertTaskEvent(
  db: Executor,
  event: Omit<TaskEventRow, 'id' | 'detail'> & { detail?: string | null },
): Promise<void> {
  await db.insertInto('task_events').values(event).execute();
}

/** A task's history, newest first (task_events_task_idx). */
export function listTaskEventRows(db: Executor, taskId: number, limit: number): Promise<TaskEventRow[]> {
  return db
    .selectFrom('task_events')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Deletes a subtree (drafts only; the service checks). Children first so foreign keys hold. */
export async function deleteSubtree(db: Executor, path: string): Promise<void> {
  const rows = await db.selectFrom('tasks').select(['id', 'depth']).where('path', 'like', `${path}%`).execute();
  const ids = rows.sort((a, b) => b.depth - a.depth).map((r) => r.id);
  for (const id of ids) await db.deleteFrom('tasks').where('id', '=', id).execute();
}

/** Marks a task as changed without touching its version (changes that cannot conflict, like a unit's own part). */
export async function touchTask(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('tasks').set({ updated_at: now }).where('id', '=', id).execute();
}

/**
 * Keeps the copies of unit paths on tasks right when a unit subtree moves (`oldPrefix` →
 * `newPrefix`): tasks led by a moved unit (tasks_lead_unit_idx) and task-unit rows of moved units
 * (task_units_unit_idx). Call it in the move's transaction, before the units' own paths change.
 */
export async function rewriteUnitPathsInTasks(db: Executor, oldPrefix: string, newPrefix: string): Promise<void> {
  const movedUnits = db.selectFrom('units').select('units.id').where('units.path', 'like', `${oldPrefix}%`);
  await db
    .updateTable('tasks')
    .set({ lead_unit_path: sql<string>`${newPrefix} || substr(lead_unit_path, ${oldPrefix.length + 1})` })
    .where('lead_unit_id', 'in', movedUnits)
    .execute();
  await db
    .updateTable('task_units')
    .set({ unit_path: sql<string>`${newPrefix} || substr(unit_path, ${oldPrefix.length + 1})` })
    .where('unit_id', 'in', movedUnits)
    .execute();
}
