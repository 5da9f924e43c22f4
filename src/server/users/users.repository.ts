import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { UserTable } from '../db/schema.js';

export type UserRow = Selectable<UserTable>;

/** A user row with its roles and units in charge, as the service works with it. */
export interface UserRecord extends UserRow {
  roles: string[];
  unitsInCharge: number[];
  unitName: string | null;
}

/** Looks a user up by username (stored lower-case); uses the unique index on username. */
export function findUserRowByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Loads roles, units in charge and unit names for a page of users: three queries, whatever the page size. */
export async function attachUserDetails(db: Executor, rows: UserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const unitIds = [...new Set(rows.map((r) => r.unit_id).filter((id): id is number => id !== null))];
  const [roles, leaderUnits, units] = await Promise.all([
    db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).execute(),
    db.selectFrom('leader_units').select(['user_id', 'unit_id']).where('user_id', 'in', ids).execute(),
    unitIds.length
      ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
      : Promise.resolve([]),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((row) => ({
    ...row,
    roles: roles
      .filter((r) => r.user_id === row.id)
      .map((r) => r.role)
      .sort(),
    unitsInCharge: leaderUnits
      .filter((l) => l.user_id === row.id)
      .map((l) => l.unit_id)
      .sort((a, b) => a - b),
    unitName: row.unit_id === null ? null : (unitNames.get(row.unit_id) ?? null),
  }));
}

/** What an actor needs besides the row: roles and units in charge (two indexed lookups). */
export async function loadAccess(db: Executor, userId: number): Promise<{ roles: string[]; unitsInCharge: number[] }> {
  const [roles, units] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute(),
    db.selectFrom('leader_units').select('unit_id').where('user_id', '=', userId).execute(),
  ]);
  return { roles: roles.map((r) => r.role).sort(), unitsInCharge: units.map((u) => u.unit_id).sort((a, b) => a - b) };
}

/** One user row with its details. */
export async function attachOneUserDetails(db: Executor, row: UserRow): Promise<UserRecord> {
  const [record] = await attachUserDetails(db, [row]);
  if (!record) throw new Error(`user ${row.id} vanished while loading details`);
  return record;
}

/** One user with details, or undefined. */
export async function findUserById(db: Executor, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? attachOneUserDetails(db, row) : undefined;
}

export interface UserListFilter {
  q?: string;
  unitPath?: string;
  role?: string;
  active?: boolean;
  afterId?: number;
  limit: number;
}

/**
 * A page of users in id order (keyset: `id > afterId`, primary key index). The unit filter takes the
 * whole subtree through units.path (units_path_idx); the role filter uses user_roles_role_idx.
 */
export function listUserRows(db: Executor, filter: UserListFilter): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll('users');
  if (filter.afterId !== undefined) query = query.where('users.id', '>', filter.afterId);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(lower(users.username) like ${pattern} escape '\\' or lower(users.display_name) like ${pattern} escape '\\')`,
    );
  }
  if (filter.unitPath) {
    const unitPath = filter.unitPath;
    query = query.where('users.unit_id', 'in', (eb) =>
      eb.selectFrom('units').select('units.id').where('units.path', 'like', `${unitPath}%`),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where('users.id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_roles.user_id').where('user_roles.role', '=', role),
    );
  }
  if (filter.active === true) query = query.where('users.deactivated_at', 'is', null);
  if (filter.active === false) query = query.where('users.deactivated_at', 'is not', null);
  return query.orderBy('users.id').limit(filter.limit).execute();
}

/** Replaces a user's roles. */
export async function replaceUserRoles(db: Executor, userId: number, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length)
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

/** Replaces the units a leader is in charge of. */
export async function replaceLeaderUnits(db: Executor, userId: number, unitIds: readonly number[]): Promise<void> {
  await db.deleteFrom('leader_units').where('user_id', '=', userId).execute();
  if (unitIds.length) {
    await db
      .insertInto('leader_units')
      .values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
      .execute();
  }
}

/**
 * Locks the rows of the active administrators until the transaction ends, so two requests that each
 * see "another admin remains" cannot both remove one: a no-op update takes the row locks on
 * PostgreSQL, and the waiting request's next statement sees the other's change. (SQLite write
 * transactions are exclusive anyway.)
 */
export async function lockActiveAdmins(db: Executor): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('deactivated_at', 'is', null)
    .where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_roles.user_id').where('user_roles.role', '=', 'admin'),
    )
    .execute();
}

/** How many active users hold the admin role, leaving one user out (for the "last admin" rule). */
export async function countOtherActiveAdmins(db: Executor, excludingUserId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', 'admin')
    .where('users.deactivated_at', 'is', null)
    .where('users.id', '!=', excludingUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Total number of users (first-run detection). */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
