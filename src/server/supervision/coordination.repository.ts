import type { Insertable, Selectable } from 'kysely';
import { COORDINATION_STEPS } from '../../shared/coordination-api.js';
import type { Executor } from '../db/connect.js';
import type { CoordinationRequestTable } from '../db/schema-supervision.js';

export type CoordinationRow = Selectable<CoordinationRequestTable>;
export type NewCoordinationRow = Omit<Insertable<CoordinationRequestTable>, 'id'>;
export type CoordinationChanges = Partial<Omit<CoordinationRow, 'id' | 'task_id' | 'version' | 'created_at'>>;
type Status = CoordinationRow['status'];

/** The timeline actions a coordination step is recorded under. */
export const COORDINATION_EVENT_ACTIONS: readonly string[] = COORDINATION_STEPS.map((step) => `coordination_${step}`);

export async function insertCoordinationRow(db: Executor, values: NewCoordinationRow): Promise<CoordinationRow> {
  return db.insertInto('coordination_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findCoordinationRow(db: Executor, id: number): Promise<CoordinationRow | undefined> {
  return db.selectFrom('coordination_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every request on a task, oldest first (coordination_requests_task_idx). */
export function listCoordinationRowsOfTask(db: Executor, taskId: number): Promise<CoordinationRow[]> {
  return db.selectFrom('coordination_requests').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

/**
 * Changes a request if it is still at `version` and in one of `statuses`, bumping the version;
 * undefined when someone got there first (the caller answers 409).
 */
export async function updateCoordinationRow(
  db: Executor,
  id: number,
  expect: { version: number; statuses: readonly Status[] },
  changes: CoordinationChanges,
): Promise<CoordinationRow | undefined> {
  return db
    .updateTable('coordination_requests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expect.version)
    .where('status', 'in', [...expect.statuses])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Escalates a request that is still open: the WHERE status = 'open' decides, on any number of nodes,
 * who escalates it (a concurrent sweep or answer finds it changed and does nothing).
 */
export async function escalateIfOpen(
  db: Executor,
  id: number,
  changes: { escalated_to_id: number | null; escalated_at: string; updated_at: string },
): Promise<CoordinationRow | undefined> {
  return db
    .updateTable('coordination_requests')
    .set((eb) => ({ ...changes, status: 'escalated' as const, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Open requests whose due date has passed, oldest due first (coordination_requests_status_idx). */
export function listOverdueOpenRows(
  db: Executor,
  today: string,
  limit: number,
): Promise<Array<{ id: number; task_id: number }>> {
  return db
    .selectFrom('coordination_requests')
    .select(['id', 'task_id'])
    .where('status', '=', 'open')
    .where('due_date', '<', today)
    .orderBy('due_date')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** For these requests, the request that continued each (previous_id), if any. */
export async function findSuccessorIds(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('coordination_requests')
    .select(['id', 'previous_id'])
    .where('previous_id', 'in', [...new Set(ids)])
    .orderBy('id')
    .execute();
  const next = new Map<number, number>();
  for (const row of rows) if (row.previous_id !== null && !next.has(row.previous_id)) next.set(row.previous_id, row.id);
  return next;
}

/** Active leaders in charge of these units (the candidates for the lowest common leader). */
export function listLeaderCharges(
  db: Executor,
  unitIds: readonly number[],
): Promise<Array<{ user_id: number; unit_id: number }>> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('leader_units')
    .innerJoin('users', 'users.id', 'leader_units.user_id')
    .innerJoin('user_roles', (join) =>
      join.onRef('user_roles.user_id', '=', 'users.id').on('user_roles.role', '=', 'leader'),
    )
    .select(['leader_units.user_id', 'leader_units.unit_id'])
    .where('leader_units.unit_id', 'in', [...unitIds])
    .where('users.deactivated_at', 'is', null)
    .execute();
}

/** Every active leader, by name (whom a request may be addressed to). */
export function listActiveLeaders(db: Executor): Promise<Array<{ id: number; display_name: string }>> {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('user_roles.role', '=', 'leader')
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

export async function isActiveLeader(db: Executor, userId: number): Promise<boolean> {
  const leaders = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('user_roles.role', '=', 'leader')
    .where('users.deactivated_at', 'is', null)
    .execute();
  return leaders.length > 0;
}

export async function taskRefs(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { id: number; number: string; title: string; status: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'number', 'title', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The coordination entries of a task's timeline, oldest first (their detail names the request). */
export function listCoordinationEvents(db: Executor, taskId: number) {
  return db
    .selectFrom('task_events')
    .select(['id', 'at', 'actor_user_id', 'action', 'reason', 'detail'])
    .where('task_id', '=', taskId)
    .where('action', 'in', [...COORDINATION_EVENT_ACTIONS])
    .orderBy('at')
    .orderBy('id')
    .execute();
}
