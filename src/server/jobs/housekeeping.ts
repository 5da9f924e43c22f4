import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import { type Database, nowIso } from '../db/connect.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Hourly clean-up of expired sessions. Idempotent, so several nodes may run it at once.
 * Returns a function that stops it.
 */
export function startHousekeeping(db: Database, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const removed = await deleteExpiredSessions(db, nowIso());
      if (removed) log.info({ removed }, 'housekeeping: removed expired sessions');
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will retry');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
