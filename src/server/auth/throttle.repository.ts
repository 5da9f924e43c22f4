import { THROTTLE_WINDOW_MS } from '../../domain/login-throttle.js';
import type { Executor } from '../db/connect.js';

/** The throttle state of one key (`user:<name>` or `ip:<address>`). */
export function findThrottle(db: Executor, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Makes sure a key has a row and locks it until the transaction ends, so concurrent failures are
 * counted one after another: the no-op upsert takes the row lock on PostgreSQL (waiting for a
 * concurrent insert of the same key), and SQLite write transactions are exclusive anyway.
 */
export async function lockThrottle(db: Executor, key: string, now: string): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ key: eb.ref('excluded.key') })))
    .execute();
}

/** Writes the throttle state of one key (insert or replace). */
export async function saveThrottle(
  db: Executor,
  row: { key: string; failures: number; window_started_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

/** Forgets a key's failures (after a successful sign-in). */
export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Removes rows whose counting window has passed and that hold no running lock. */
export async function deleteStaleThrottles(db: Executor, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', windowStart)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
