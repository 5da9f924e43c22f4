import { type Expression, type Insertable, type Selectable, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { DeadlineChangeTable, ExtensionRequestTable } from '../db/schema-supervision.js';
import { inSubquery, unitPathsUnder } from '../tasks/task-scope.js';

export type ExtensionRow = Selectable<ExtensionRequestTable>;
export type DeadlineChangeRow = Selectable<DeadlineChangeTable>;

/** The task-timeline entries an extension request writes (their detail names the request). */
export const EXTENSION_EVENTS = [
  'extension_requested',
  'extension_forwarded',
  'extension_approved',
  'extension_rejected',
  'extension_withdrawn',
] as const;

export function findExtensionRow(db: Executor, id: number): Promise<ExtensionRow | undefined> {
  return db.selectFrom('extension_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A task's requests, newest first (extension_requests_task_idx). */
export function listExtensionRowsOfTask(db: Executor, taskId: number): Promise<ExtensionRow[]> {
  return db.selectFrom('extension_requests').selectAll().where('task_id', '=', taskId).orderBy('id', 'desc').execute();
}

export function insertExtensionRow(
  db: Executor,
  values: Omit<Insertable<ExtensionRequestTable>, 'id'>,
): Promise<ExtensionRow> {
  return db.insertInto('extension_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Versioned update; undefined when the version no longer matches. */
export function updateExtensionRow(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Omit<ExtensionRow, 'id' | 'task_id' | 'created_at' | 'requested_by' | 'version'>>,
): Promise<ExtensionRow | undefined> {
  return db
    .updateTable('extension_requests')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** One change of a task's deadline, by an approved extension or an edit of the supervision office. */
export async function insertDeadlineChangeRow(
  db: Executor,
  values: Omit<Insertable<DeadlineChangeTable>, 'id'>,
): Promise<void> {
  await db.insertInto('deadline_changes').values(values).execute();
}

/** A task's deadline history, oldest first (deadline_changes_task_idx). */
export function listDeadlineChangeRows(db: Executor, taskId: number): Promise<DeadlineChangeRow[]> {
  return db.selectFrom('deadline_changes').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

/** The timeline entries of a task's extension requests, oldest first (task_events by task). */
export function listExtensionEventRows(db: Executor, taskId: number) {
  return db
    .selectFrom('task_events')
    .select(['id', 'at', 'actor_user_id', 'action', 'reason', 'detail'])
    .where('task_id', '=', taskId)
    .where('action', 'in', [...EXTENSION_EVENTS])
    .orderBy('id')
    .execute();
}

/** Who sees which requests in the queue; the conditions are OR-ed. */
export interface ExtensionViewer {
  /** Supervision, audit, administration: every request. */
  all: boolean;
  /** Decides the supervision office's step. */
  supervision: boolean;
  /** A unit member: their unit's requests. */
  unitId: number | null;
  /** A leader: tasks naming them, or led by units under these paths. */
  leader: { userId: number; paths: string[] } | null;
}

export interface ExtensionQueueFilter {
  /** `pending`: what waits for the viewer; `all`: everything they see; otherwise one status. */
  status: string;
  beforeId?: number | undefined;
  limit: number;
}

export interface ExtensionQueueRow extends ExtensionRow {
  task_number: string;
  task_title: string;
  task_is_key: number;
  task_deadline: string | null;
  task_original_deadline: string | null;
  unit_name: string;
}

type Dialect = 'sqlite' | 'postgres';

/**
 * A page of requests, newest first (keyset on id): for `pending`, those waiting for the viewer — the
 * supervision office's, a leader's for their tasks, a unit's own pending ones; otherwise those the
 * viewer may see, optionally of one status (extension_requests_status_idx).
 */
export function listExtensionQueueRows(
  db: Executor,
  dialect: Dialect,
  viewer: ExtensionViewer,
  filter: ExtensionQueueFilter,
): Promise<ExtensionQueueRow[]> {
  let query = db
    .selectFrom('extension_requests as e')
    .innerJoin('tasks', 'tasks.id', 'e.task_id')
    .innerJoin('units', 'units.id', 'e.unit_id')
    .selectAll('e')
    .select([
      'tasks.number as task_number',
      'tasks.title as task_title',
      'tasks.is_key as task_is_key',
      'tasks.deadline as task_deadline',
      'tasks.original_deadline as task_original_deadline',
      'units.name as unit_name',
    ])
    .where((eb) => {
      const leaderTasks = (): Expression<SqlBool> => {
        const leader = viewer.leader;
        if (!leader) return eb.lit(false);
        return eb.or([
          eb('tasks.responsible_leader_id', '=', leader.userId),
          ...leader.paths.map((path) => inSubquery(dialect, 'tasks.lead_unit_path', unitPathsUnder(eb, path))),
        ]);
      };
      const ownUnit = viewer.unitId === null ? eb.lit(false) : eb('e.unit_id', '=', viewer.unitId);
      if (filter.status === 'pending') {
        return eb.or([
          viewer.supervision ? eb('e.status', '=', 'pending_supervisor') : eb.lit(false),
          eb.and([eb('e.status', '=', 'pending_leader'), leaderTasks()]),
          eb.and([eb('e.status', 'in', ['pending_supervisor', 'pending_leader']), ownUnit]),
        ]);
      }
      const seen = viewer.all ? eb.lit(true) : eb.or([ownUnit, leaderTasks()]);
      return filter.status === 'all'
        ? seen
        : eb.and([eb('e.status', '=', filter.status as ExtensionRow['status']), seen]);
    });
  if (filter.beforeId !== undefined) query = query.where('e.id', '<', filter.beforeId);
  return query.orderBy('e.id', 'desc').limit(filter.limit).execute();
}
