import { isRole, type Role } from '../../shared/roles.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import {
  attachOneUserDetails,
  findUserById,
  findUserRowByUsername,
  loadAccess,
  type UserRecord,
} from '../users/users.repository.js';
import type { Actor } from './actor.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import { hashSecret, newSecret } from './secrets.js';
import {
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  insertSession,
  touchSession,
} from './sessions.repository.js';
import { clearThrottle } from './throttle.repository.js';
import { accountKey, addressKey, assertNotThrottled, recordPasswordFailure } from './throttle.service.js';

export interface AuthDeps {
  db: Database;
  config: Config;
}

/** Refresh a session's expiry at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** Builds the actor for a loaded user record. */
export function actorFromUser(
  user: UserRecord,
  via: Actor['via'],
  meta: { ip: string | null; requestId: string | null; sessionIdHash?: string },
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    roles: new Set(user.roles.filter(isRole) as Role[]),
    unitsInCharge: user.unitsInCharge,
    via,
    ip: meta.ip,
    requestId: meta.requestId,
    ...(meta.sessionIdHash ? { sessionIdHash: meta.sessionIdHash } : {}),
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Signs a person in: throttled per account and per address (stored in the database, so shared by
 * every node), the same answer for an unknown user as for a wrong password, and a brand-new session
 * id each time. Returns the raw session id for the cookie and the user.
 */
export async function login(deps: AuthDeps, input: LoginInput): Promise<{ sessionId: string; user: UserRecord }> {
  const { db, config } = deps;
  const username = input.username.trim().toLowerCase();
  const userKey = accountKey(username);
  const ipKey = addressKey(input.ip);
  const now = new Date();
  await assertNotThrottled(db, [userKey, ipKey], now);

  const row = await findUserRowByUsername(db, username);
  let valid = false;
  if (row) valid = await verifyPassword(row.password_hash, input.password);
  else await burnPasswordCheck(input.password);
  if (!row || !valid || row.deactivated_at !== null) {
    await recordPasswordFailure(db, config, { account: userKey, address: ipKey }, now);
    throw new AppError('invalid_credentials');
  }

  const sessionId = newSecret();
  const stamp = now.toISOString();
  const user = await inTransaction(db, async (trx) => {
    await clearThrottle(trx, userKey);
    await insertSession(trx, {
      idHash: hashSecret(sessionId),
      userId: row.id,
      now: stamp,
      expiresAt: new Date(now.getTime() + config.sessionDays * 86400000).toISOString(),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await trx.updateTable('users').set({ last_login_at: stamp }).where('id', '=', row.id).execute();
    const record = await attachOneUserDetails(trx, { ...row, last_login_at: stamp });
    const actor = actorFromUser(record, 'session', { ip: input.ip, requestId: input.requestId });
    await insertAuditEntry(trx, actor, { action: 'auth.login', objectType: 'user', objectId: row.id });
    return record;
  });
  return { sessionId, user };
}

/** Ends the session behind a raw session id (no-op when already gone). */
export async function logout(deps: AuthDeps, actor: Actor): Promise<void> {
  if (!actor.sessionIdHash) return;
  const idHash = actor.sessionIdHash;
  await inTransaction(deps.db, async (trx) => {
    await deleteSession(trx, idHash);
    await insertAuditEntry(trx, actor, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  });
}

/** The actor behind a session cookie, or undefined when the session is unknown, expired or its user inactive. */
export async function resolveSession(
  deps: AuthDeps,
  sessionId: string,
  meta: { ip: string | null; requestId: string | null },
): Promise<Actor | undefined> {
  const { db, config } = deps;
  const idHash = hashSecret(sessionId);
  const now = new Date();
  const session = await findLiveSession(db, idHash, now.toISOString());
  if (!session) return undefined;
  if (now.getTime() - Date.parse(session.session_last_seen_at) > TOUCH_INTERVAL_MS) {
    await touchSession(db, idHash, nowIso(), new Date(now.getTime() + config.sessionDays * 86400000).toISOString());
  }
  const access = await loadAccess(db, session.id);
  return actorFromUser({ ...session, ...access, unitName: null }, 'session', { ...meta, sessionIdHash: idHash });
}

/**
 * A person changes their own password. Wrong current passwords count against the same throttle as
 * sign-in, so a stolen session cannot be used to guess it; other sessions end, this one stays.
 */
export async function changeOwnPassword(
  deps: AuthDeps,
  input: { currentPassword: string; newPassword: string; actor: Actor },
): Promise<void> {
  const { db, config } = deps;
  assertAllowed(can.changeOwnPassword(input.actor));
  const keys = { account: accountKey(input.actor.username), address: addressKey(input.actor.ip) };
  const now = new Date();
  await assertNotThrottled(db, [keys.account, keys.address], now);
  const userId = input.actor.userId as number;
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordPasswordFailure(db, config, keys, now);
    throw new AppError('wrong_password', {}, 'currentPassword');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    const stamp = nowIso();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: stamp, updated_at: stamp, version: user.version + 1 })
      .where('id', '=', userId)
      .execute();
    await deleteUserSessions(trx, userId, input.actor.sessionIdHash);
    await insertAuditEntry(trx, input.actor, { action: 'user.change_password', objectType: 'user', objectId: userId });
  });
}
