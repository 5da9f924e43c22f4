import { diffChanges } from '../../domain/field-diff.js';
import type { Role } from '../../shared/roles.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { findUnitRow } from '../units/units.repository.js';
import { requireActiveUnit } from '../units/units.service.js';
import {
  attachUserDetails,
  countOtherActiveAdmins,
  findUserById,
  findUserRowByUsername,
  listUserRows,
  lockActiveAdmins,
  replaceLeaderUnits,
  replaceUserRoles,
  type UserRecord,
} from './users.repository.js';

/** A user, or 404. */
async function requireUser(db: Executor, userId: number): Promise<UserRecord> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', { object: 'user' });
  return user;
}

async function checkUnits(
  db: Executor,
  unitId: number | null | undefined,
  unitsInCharge: readonly number[] | undefined,
) {
  if (unitId) await requireActiveUnit(db, unitId, 'unitId');
  for (const id of unitsInCharge ?? []) await requireActiveUnit(db, id, 'unitsInChargeIds');
}

async function assertNotLastAdmin(db: Executor, user: UserRecord): Promise<void> {
  if (!user.roles.includes('admin') || user.deactivated_at !== null) return;
  await lockActiveAdmins(db);
  if ((await countOtherActiveAdmins(db, user.id)) === 0) throw new AppError('last_admin');
}

export interface ListUsersInput {
  q?: string | undefined;
  unitId?: number | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  cursor?: number | undefined;
  limit: number;
  actor: Actor;
}

/** A page of the people directory; `nextCursor` is set when there may be more. */
export async function listUsers(db: Database, input: ListUsersInput) {
  assertAllowed(can.readUsers(input.actor));
  let unitPath: string | undefined;
  if (input.unitId) {
    const unit = await findUnitRow(db, input.unitId);
    if (!unit) return { items: [], nextCursor: null };
    unitPath = unit.path;
  }
  const rows = await listUserRows(db, {
    q: input.q?.trim() || undefined,
    unitPath,
    role: input.role,
    active: input.active,
    afterId: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const items = await attachUserDetails(db, page);
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? last.id : null };
}

/** One user, for those who may read the directory (or the user themself). */
export async function getUser(db: Database, { userId, actor }: { userId: number; actor: Actor }) {
  assertAllowed(actor.userId === userId || can.readUsers(actor));
  return requireUser(db, userId);
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  unitId?: number | null | undefined;
  roles: Role[];
  unitsInChargeIds?: number[] | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  actor: Actor;
}

/** Creates a person with roles; usernames are unique, case-insensitively. */
export async function createUser(db: Database, input: CreateUserInput): Promise<UserRecord> {
  assertAllowed(can.manageUsers(input.actor));
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  try {
    return await inTransaction(db, async (trx) => {
      if (await findUserRowByUsername(trx, username)) throw new AppError('username_taken', { username }, 'username');
      await checkUnits(trx, input.unitId, input.unitsInChargeIds);
      const row = await trx
        .insertInto('users')
        .values({
          username,
          display_name: input.displayName.trim(),
          unit_id: input.unitId ?? null,
          password_hash: passwordHash,
          email: input.email?.trim() || null,
          phone: input.phone?.trim() || null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceUserRoles(trx, row.id, [...new Set(input.roles)]);
      await replaceLeaderUnits(trx, row.id, [...new Set(input.unitsInChargeIds ?? [])]);
      await insertAuditEntry(trx, input.actor, {
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        detail: { username, roles: input.roles },
      });
      return requireUser(trx, row.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('username_taken', { username }, 'username');
    throw error;
  }
}

export interface UpdateUserInput {
  userId: number;
  version: number;
  displayName?: string | undefined;
  unitId?: number | null | undefined;
  roles?: Role[] | undefined;
  unitsInChargeIds?: number[] | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  actor: Actor;
}

/** Edits a person's names, unit, roles or contact details, if nobody changed them meanwhile. */
export async function updateUser(db: Database, input: UpdateUserInput): Promise<UserRecord> {
  assertAllowed(can.manageUsers(input.actor));
  return inTransaction(db, async (trx) => {
    const user = await requireUser(trx, input.userId);
    if (user.version !== input.version) throw new AppError('version_conflict', { object: 'user' });
    if (input.roles && !input.roles.includes('admin')) await assertNotLastAdmin(trx, user);
    await checkUnits(trx, input.unitId, input.unitsInChargeIds);
    const updated = await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.email !== undefined ? { email: input.email?.trim() || null } : {}),
        ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
        version: user.version + 1,
        updated_at: nowIso(),
      })
      .where('id', '=', user.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('version_conflict', { object: 'user' });
    if (input.roles) await replaceUserRoles(trx, user.id, [...new Set(input.roles)]);
    if (input.unitsInChargeIds) await replaceLeaderUnits(trx, user.id, [...new Set(input.unitsInChargeIds)]);
    const { actor: _actor, userId: _id, version: _v, ...changes } = input;
    await insertAuditEntry(trx, input.actor, {
      action: 'user.update',
      objectType: 'user',
      objectId: user.id,
      ...diffChanges(
        {
          displayName: user.display_name,
          unitId: user.unit_id,
          roles: user.roles,
          unitsInChargeIds: user.unitsInCharge,
          email: user.email,
          phone: user.phone,
        },
        changes,
      ),
    });
    return requireUser(trx, user.id);
  });
}

/** Deactivates or reactivates a person; deactivation ends their sessions at once. */
export async function setUserActive(
  db: Database,
  input: { userId: number; version: number; active: boolean; actor: Actor },
): Promise<UserRecord> {
  assertAllowed(can.manageUsers(input.actor));
  if (!input.active && input.actor.userId === input.userId) throw new AppError('cannot_deactivate_self');
  return inTransaction(db, async (trx) => {
    const user = await requireUser(trx, input.userId);
    if (user.version !== input.version) throw new AppError('version_conflict', { object: 'user' });
    if (!input.active) await assertNotLastAdmin(trx, user);
    const now = nowIso();
    await trx
      .updateTable('users')
      .set({
        deactivated_at: input.active ? null : (user.deactivated_at ?? now),
        version: user.version + 1,
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute();
    if (!input.active) await deleteUserSessions(trx, user.id);
    await insertAuditEntry(trx, input.actor, {
      action: input.active ? 'user.activate' : 'user.deactivate',
      objectType: 'user',
      objectId: user.id,
    });
    return requireUser(trx, user.id);
  });
}

/** An administrator sets a new password for someone; all that person's sessions end. */
export async function resetPassword(db: Database, input: { userId: number; password: string; actor: Actor }) {
  assertAllowed(can.manageUsers(input.actor));
  const passwordHash = await hashPassword(input.password);
  await inTransaction(db, async (trx) => {
    const user = await requireUser(trx, input.userId);
    const now = nowIso();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now, version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id);
    await insertAuditEntry(trx, input.actor, { action: 'user.reset_password', objectType: 'user', objectId: user.id });
  });
}
