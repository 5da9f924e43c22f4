import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import { purgeStaleThrottles } from '../auth/throttle.service.js';
import { type Database, nowIso } from '../db/connect.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Hourly clean-up of expired sessions and stale sign-in throttle rows. Idempotent, so several nodes may run it at once.
 * Returns a function that stops it.
 */
export function startHousekeeping(db: Database, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const removed = await deleteExpiredSessions(db, nowIso());
      const throttles = await purgeStaleThrottles(db, new Date());
      if (removed || throttles)
        log.info({ removed, throttles }, 'housekeeping: removed expired sessions and throttles');
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will retry');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
