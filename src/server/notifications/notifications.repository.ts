import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { NotificationTable } from '../db/schema-closure.js';

export type NotificationRow = Selectable<NotificationTable>;
export type NewNotificationRow = Omit<NotificationRow, 'id'>;

/** Rows per INSERT, well under SQLite's limit on bound parameters (9 columns a row). */
const INSERT_CHUNK = 200;

/** Of these users, the ids of those still active. */
export async function activeUserIds(db: Executor, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...userIds])
    .where('deactivated_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Active people holding one of these roles as members of one of these units (unit head, staff). */
export async function activeMemberIds(
  db: Executor,
  unitIds: readonly number[],
  roles: readonly string[],
): Promise<number[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .distinct()
    .where('users.unit_id', 'in', [...unitIds])
    .where('user_roles.role', 'in', [...roles])
    .where('users.deactivated_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Every active person holding a role, wherever they sit (the supervision office). */
export async function activeHoldersOf(db: Executor, role: string): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.deactivated_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Active leaders in charge of one of these units or of a unit above it (a leader's scope is the
 * subtree of each unit in charge): the unit's path starts with the charged unit's path.
 */
export async function activeLeadersOver(db: Executor, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('leader_units')
    .innerJoin('units as charged', 'charged.id', 'leader_units.unit_id')
    .innerJoin('units as target', (join) => join.on(sql<boolean>`target.path like charged.path || '%'`))
    .innerJoin('users', 'users.id', 'leader_units.user_id')
    .innerJoin('user_roles', (join) =>
      join.onRef('user_roles.user_id', '=', 'users.id').on('user_roles.role', '=', 'leader'),
    )
    .select('users.id')
    .distinct()
    .where('target.id', 'in', [...unitIds])
    .where('users.deactivated_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Inserts notification rows; answers each row's id with its recipient (for the outbox). */
export async function insertNotificationRows(
  db: Executor,
  rows: readonly NewNotificationRow[],
): Promise<Array<{ id: number; userId: number }>> {
  const inserted: Array<{ id: number; userId: number }> = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const ids = await db
      .insertInto('notifications')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .returning(['id', 'user_id'])
      .execute();
    for (const row of ids) inserted.push({ id: row.id, userId: row.user_id });
  }
  return inserted;
}

/** A notification row with its task's number and title (null when it has no task). */
export interface NotificationListRow extends NotificationRow {
  task_number: string | null;
  task_title: string | null;
}

/**
 * A page of one person's notifications, newest first, keyset on id (notifications_user_idx; with
 * `unreadOnly`, notifications_unread_idx serves the `read_at is null` equality and the id order).
 */
export function listNotificationRows(
  db: Executor,
  filter: { userId: number; unreadOnly: boolean; beforeId?: number | undefined; limit: number },
): Promise<NotificationListRow[]> {
  let query = db
    .selectFrom('notifications')
    .leftJoin('tasks', 'tasks.id', 'notifications.task_id')
    .selectAll('notifications')
    .select(['tasks.number as task_number', 'tasks.title as task_title'])
    .where('notifications.user_id', '=', filter.userId);
  if (filter.unreadOnly) query = query.where('notifications.read_at', 'is', null);
  if (filter.beforeId !== undefined) query = query.where('notifications.id', '<', filter.beforeId);
  return query.orderBy('notifications.id', 'desc').limit(filter.limit).execute();
}

/** How many of a person's notifications are unread (notifications_unread_idx). */
export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks a person's unread notifications read: the given ids (others' ids are silently not theirs
 * to touch: the user_id condition leaves them alone), or all of them. Answers how many changed.
 */
export async function markRead(
  db: Executor,
  userId: number,
  ids: readonly number[] | 'all',
  at: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', [...ids]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
