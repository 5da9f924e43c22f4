import type { Selectable } from 'kysely';
import type { RectificationState } from '../../shared/rectifications-api.js';
import type { Executor } from '../db/connect.js';
import type { RectificationTable } from '../db/schema-assessment.js';
import { OVERDUE_STATUSES } from '../tasks/task-list.repository.js';
import { scopeCondition, type TaskScope } from '../tasks/task-scope.js';
import type { TaskRow } from '../tasks/tasks.repository.js';

// Every query of rectification items (整改). The item's task row is the task machinery's; this file
// reads and writes the `rectifications` row beside it and lists the two together.

export type RectificationRow = Selectable<RectificationTable>;

export async function insertRectificationRow(db: Executor, values: RectificationRow): Promise<void> {
  await db.insertInto('rectifications').values(values).execute();
}

export function findRectificationRow(db: Executor, taskId: number): Promise<RectificationRow | undefined> {
  return db.selectFrom('rectifications').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

export function findRectificationRows(db: Executor, taskIds: readonly number[]): Promise<RectificationRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('rectifications').selectAll().where('task_id', 'in', taskIds).execute();
}

/** Records the sign-off (销号) on the item; the caller's transaction also closes the task. */
export async function writeSignOff(
  db: Executor,
  taskId: number,
  signOff: { at: string; by: number | null; comment: string | null },
): Promise<void> {
  await db
    .updateTable('rectifications')
    .set({ signed_off_at: signOff.at, signed_off_by: signOff.by, sign_off_comment: signOff.comment })
    .where('task_id', '=', taskId)
    .execute();
}

export interface RectificationListFilter {
  scope: TaskScope;
  dialect: 'sqlite' | 'postgres';
  today: string;
  state?: RectificationState | undefined;
  originType?: string | undefined;
  unitId?: number | undefined;
  periodId?: number | undefined;
  overdue?: boolean | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * A page of rectification tasks, newest first, within the caller's task scope (the same condition
 * as the task list, so a unit sees its own items and a leader those of the units in their charge).
 * Starts from tasks_kind_idx (kind = 'rectification'); origin and period filters are the ids
 * rectifications_origin_idx / rectifications_period_idx give.
 */
export function listRectificationTaskRows(db: Executor, f: RectificationListFilter): Promise<TaskRow[]> {
  let query = db
    .selectFrom('tasks')
    .selectAll('tasks')
    .where('tasks.kind', '=', 'rectification')
    .where((eb) => scopeCondition(eb, f.scope, f.dialect));
  if (!f.scope.all) query = query.where('tasks.status', '<>', 'draft');
  if (f.state === 'open') query = query.where('tasks.status', 'not in', ['closed', 'cancelled']);
  if (f.state === 'signed_off') {
    query = query
      .where('tasks.status', '=', 'closed')
      .where(
        'tasks.id',
        'in',
        db.selectFrom('rectifications').select('task_id').where('signed_off_at', 'is not', null),
      );
  }
  if (f.state === 'cancelled') query = query.where('tasks.status', '=', 'cancelled');
  if (f.overdue) query = query.where('tasks.status', 'in', OVERDUE_STATUSES).where('tasks.deadline', '<', f.today);
  if (f.unitId !== undefined) query = query.where('tasks.lead_unit_id', '=', f.unitId);
  if (f.originType !== undefined || f.periodId !== undefined) {
    let ids = db.selectFrom('rectifications').select('task_id');
    if (f.originType !== undefined) ids = ids.where('origin_type', '=', f.originType);
    if (f.periodId !== undefined) ids = ids.where('period_id', '=', f.periodId);
    query = query.where('tasks.id', 'in', ids);
  }
  if (f.beforeId !== undefined) query = query.where('tasks.id', '<', f.beforeId);
  return query.orderBy('tasks.id', 'desc').limit(f.limit).execute();
}

/** Periods by id, for the items' "found in" column and the carried-over flag. */
export function findPeriodRows(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_periods')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Number and title of the tasks findings are about. */
export function findTaskRefs(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select(['id', 'number', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Whether the bulletin, case or accountability record an item names as its origin exists. */
export async function originExists(
  db: Executor,
  type: 'bulletin' | 'case' | 'accountability',
  id: number,
): Promise<boolean> {
  const table = type === 'bulletin' ? 'bulletins' : type === 'case' ? 'cases' : 'accountability_records';
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
