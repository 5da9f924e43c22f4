import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool } from 'kysely';
import type { NoticeStatus } from '../../shared/notices-api.js';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import type { SupervisionNoticeTable } from '../db/schema-supervision.js';
import type { TaskScope } from '../tasks/task-scope.js';

export type NoticeRow = Selectable<SupervisionNoticeTable>;
export type NewNoticeRow = Omit<Insertable<SupervisionNoticeTable>, 'id'>;
export type NoticeChanges = Partial<
  Pick<
    NoticeRow,
    'status' | 'response' | 'responded_at' | 'responded_by' | 'review_comment' | 'reviewed_at' | 'reviewed_by'
  >
>;

export async function insertNoticeRow(db: Executor, values: NewNoticeRow): Promise<NoticeRow> {
  return db.insertInto('supervision_notices').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findNoticeRow(db: Executor, id: number): Promise<NoticeRow | undefined> {
  return db.selectFrom('supervision_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A task's notices, newest first (supervision_notices_task_idx). */
export function listNoticeRowsOfTask(db: Executor, taskId: number): Promise<NoticeRow[]> {
  return db.selectFrom('supervision_notices').selectAll().where('task_id', '=', taskId).orderBy('id', 'desc').execute();
}

/** Writes a step if the notice is still at `version`; answers the new row, or undefined when it moved on. */
export function updateNoticeRow(
  db: Executor,
  id: number,
  version: number,
  changes: NoticeChanges,
): Promise<NoticeRow | undefined> {
  return db
    .updateTable('supervision_notices')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface NoticeListFilter {
  scope: TaskScope;
  status?: NoticeStatus | undefined;
  taskId?: number | undefined;
  unitId?: number | undefined;
  /** Only notices still waiting for a response (issued, returned) due before this day. */
  dueBefore?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * Who sees which notices in lists: the supervision office (and auditors, administrators) all;
 * a unit's people the notices addressed to their unit; a leader those addressed to units in their
 * charge and below. Unit ids go straight to supervision_notices_unit_idx; a leader's units are
 * the few ids under their paths.
 */
function scopeCondition(eb: ExpressionBuilder<DB, 'supervision_notices'>, scope: TaskScope): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  const conditions: Expression<SqlBool>[] = [];
  if (scope.unitIds.length) conditions.push(eb('supervision_notices.unit_id', 'in', scope.unitIds));
  for (const path of scope.unitPaths) {
    conditions.push(
      eb(
        'supervision_notices.unit_id',
        'in',
        eb.selectFrom('units').select('units.id').where('units.path', 'like', `${path}%`),
      ),
    );
  }
  return conditions.length ? eb.or(conditions) : eb.lit(false);
}

/** A page of notices the scope sees, newest first (keyset on id). */
export function listNoticeRows(db: Executor, filter: NoticeListFilter): Promise<NoticeRow[]> {
  return db
    .selectFrom('supervision_notices')
    .selectAll()
    .where((eb) => {
      const conditions = [scopeCondition(eb, filter.scope)];
      if (filter.status) conditions.push(eb('status', '=', filter.status));
      if (filter.taskId !== undefined) conditions.push(eb('task_id', '=', filter.taskId));
      if (filter.unitId !== undefined) conditions.push(eb('unit_id', '=', filter.unitId));
      if (filter.dueBefore !== undefined) {
        conditions.push(eb('status', 'in', ['issued', 'returned']), eb('response_due', '<', filter.dueBefore));
      }
      if (filter.beforeId !== undefined) conditions.push(eb('id', '<', filter.beforeId));
      return eb.and(conditions);
    })
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** What a notice shows of its task, for a page of notices (one query). */
export function findNoticeTasks(db: Executor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select(['id', 'number', 'title', 'status', 'deadline', 'progress', 'is_key'])
    .where('id', 'in', [...new Set(taskIds)])
    .execute();
}

/** The cc unit ids stored as JSON (anything unreadable counts as none). */
export function ccUnitIdsOf(row: Pick<NoticeRow, 'cc_unit_ids'>): number[] {
  try {
    const parsed: unknown = JSON.parse(row.cc_unit_ids);
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}
