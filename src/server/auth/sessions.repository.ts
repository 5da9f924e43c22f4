import type { Executor } from '../db/connect.js';

export interface NewSession {
  idHash: string;
  userId: number;
  now: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** Stores a new session (only the hash of its id). */
export async function insertSession(db: Executor, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/**
 * The live session with this id hash and its active user's row, in one primary-key lookup (this
 * runs on every request, so it is one query, not two).
 */
export function findLiveSession(db: Executor, idHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id_hash', 'sessions.user_id', 'sessions.last_seen_at as session_last_seen_at'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** Slides a session's expiry forward. */
export async function touchSession(db: Executor, idHash: string, now: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, optionally keeping one (the caller's own). */
export async function deleteUserSessions(db: Executor, userId: number, keepIdHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
  await query.execute();
}

/** Removes expired sessions (housekeeping; sessions_expires_idx). */
export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
