import { lockedMinutes, recordFailure, type ThrottleState } from '../../domain/login-throttle.js';
import type { Config } from '../config.js';
import type { Database, Executor } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { deleteStaleThrottles, findThrottle, lockThrottle, saveThrottle } from './throttle.repository.js';

/** The throttle key of an account (by its lower-case username). */
export const accountKey = (username: string) => `user:${username}`;
/** The throttle key of a client address. */
export const addressKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

function toState(row: { failures: number; window_started_at: string; locked_until: string | null } | undefined) {
  return row
    ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until }
    : undefined;
}

async function saveState(db: Executor, key: string, state: ThrottleState): Promise<void> {
  await saveThrottle(db, {
    key,
    failures: state.failures,
    window_started_at: state.windowStartedAt,
    locked_until: state.lockedUntil,
  });
}

/** Throws 429 while any of the keys is locked. */
export async function assertNotThrottled(db: Executor, keys: readonly string[], now: Date): Promise<void> {
  const rows = await Promise.all(keys.map((key) => findThrottle(db, key)));
  const minutes = Math.max(0, ...rows.map((row) => lockedMinutes(toState(row), now)));
  if (minutes > 0) throw new AppError('too_many_attempts', { minutes });
}

/**
 * Counts one failed password check against each key (account first, then address, so two failures
 * never wait on each other's row locks). Stored in the database: every node sees the same counts.
 */
export async function recordPasswordFailure(
  db: Database,
  config: Config,
  keys: { account: string; address: string },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const [key, maxFailures] of [
      [keys.account, config.loginMaxFailures],
      [keys.address, config.loginIpMaxFailures],
    ] as const) {
      await lockThrottle(trx, key, now.toISOString());
      await saveState(trx, key, recordFailure(toState(await findThrottle(trx, key)), now, maxFailures));
    }
  });
}

/** Forgets throttle rows whose window has passed and that hold no lock (housekeeping). */
export function purgeStaleThrottles(db: Database, now: Date): Promise<number> {
  return deleteStaleThrottles(db, now);
}
