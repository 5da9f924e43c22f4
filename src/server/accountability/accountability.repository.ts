import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool } from 'kysely';
import type { AccountabilityStatus, AccountabilityType } from '../../shared/accountability-api.js';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import type { AccountabilityRecordTable } from '../db/schema-assessment.js';

export type RecordRow = Selectable<AccountabilityRecordTable>;
export type NewRecordRow = Omit<Insertable<AccountabilityRecordTable>, 'id'>;
export type RecordChanges = Partial<
  Pick<
    RecordRow,
    | 'status'
    | 'statement_due'
    | 'statement'
    | 'statement_at'
    | 'statement_by'
    | 'decision'
    | 'decision_note'
    | 'decided_at'
    | 'decided_by'
    | 'opened_by'
    | 'opened_at'
  >
>;

export function insertRecordRow(db: Executor, values: NewRecordRow): Promise<RecordRow> {
  return db.insertInto('accountability_records').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findRecordRow(db: Executor, id: number): Promise<RecordRow | undefined> {
  return db.selectFrom('accountability_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes a step if the record is still at `version` (and bumps it); undefined when it moved on. */
export function updateRecordRow(
  db: Executor,
  id: number,
  version: number,
  changes: RecordChanges,
  now: string,
): Promise<RecordRow | undefined> {
  return db
    .updateTable('accountability_records')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertRecordTasks(db: Executor, recordId: number, taskIds: readonly number[]): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .insertInto('accountability_tasks')
    .values(taskIds.map((taskId) => ({ record_id: recordId, task_id: taskId })))
    .execute();
}

/** The tasks linked to a page of records, with what a record shows of each (one query). */
export function listRecordTasks(db: Executor, recordIds: readonly number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accountability_tasks as at')
    .innerJoin('tasks as t', 't.id', 'at.task_id')
    .select(['at.record_id', 't.id', 't.number', 't.title', 't.status'])
    .where('at.record_id', 'in', [...recordIds])
    .orderBy('t.id')
    .execute();
}

/** Of these task ids, those that exist. */
export async function existingTaskIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** The unit paths a subject sits in: the subject unit's and the subject person's unit's. */
export async function subjectPaths(db: Executor, subject: { unitId: number | null; userId: number | null }) {
  const paths: string[] = [];
  if (subject.unitId !== null) {
    const unit = await db.selectFrom('units').select('path').where('id', '=', subject.unitId).executeTakeFirst();
    if (unit) paths.push(unit.path);
  }
  if (subject.userId !== null) {
    const unit = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('units.path')
      .where('users.id', '=', subject.userId)
      .executeTakeFirst();
    if (unit) paths.push(unit.path);
  }
  return paths;
}

/** Who sees which records in lists; the same rule as can.readAccountability, as SQL. */
export interface RecordScope {
  all: boolean;
  userId: number | null;
  /** The caller's unit when they are its head or staff. */
  unitId: number | null;
  leaderPaths: readonly string[];
}

/**
 * The scope as a condition: the subject person is the caller, the subject unit is the caller's,
 * or (leaders) the subject unit or the subject person's unit lies under a unit in their charge.
 * Unit and user ids go to accountability_unit_idx / accountability_user_idx; a leader's units are
 * the few ids under their paths.
 */
function scopeCondition(eb: ExpressionBuilder<DB, 'accountability_records'>, scope: RecordScope): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  const conditions: Expression<SqlBool>[] = [];
  if (scope.userId !== null) conditions.push(eb('subject_user_id', '=', scope.userId));
  if (scope.unitId !== null) conditions.push(eb('subject_unit_id', '=', scope.unitId));
  for (const path of scope.leaderPaths) {
    const units = eb.selectFrom('units').select('units.id').where('units.path', 'like', `${path}%`);
    const people = eb
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('users.id')
      .where('units.path', 'like', `${path}%`);
    conditions.push(eb('subject_unit_id', 'in', units), eb('subject_user_id', 'in', people));
  }
  return conditions.length ? eb.or(conditions) : eb.lit(false);
}

export interface RecordListFilter {
  scope: RecordScope;
  status?: AccountabilityStatus | undefined;
  type?: AccountabilityType | undefined;
  unitId?: number | undefined;
  taskId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** A page of the records the scope sees, newest first (keyset on id). */
export function listRecordRows(db: Executor, filter: RecordListFilter): Promise<RecordRow[]> {
  return db
    .selectFrom('accountability_records')
    .selectAll()
    .where((eb) => {
      const conditions = [scopeCondition(eb, filter.scope)];
      if (filter.status) conditions.push(eb('status', '=', filter.status));
      if (filter.type) conditions.push(eb('type', '=', filter.type));
      if (filter.unitId !== undefined) conditions.push(eb('subject_unit_id', '=', filter.unitId));
      if (filter.taskId !== undefined) {
        const linked = eb.selectFrom('accountability_tasks').select('record_id').where('task_id', '=', filter.taskId);
        conditions.push(eb('id', 'in', linked));
      }
      if (filter.beforeId !== undefined) conditions.push(eb('id', '<', filter.beforeId));
      return eb.and(conditions);
    })
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** The record's writes in the audit trail, oldest first (audit_log_object_idx); reads are left out. */
export function listRecordHistory(db: Executor, recordId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'actor_user_id'])
    .where('object_type', '=', 'accountability')
    .where('object_id', '=', String(recordId))
    .where('action', '!=', 'accountability.read')
    .orderBy('id')
    .execute();
}
