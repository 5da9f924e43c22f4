import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import { purgeStaleThrottles } from '../auth/throttle.service.js';
import { type Database, nowIso } from '../db/connect.js';
import { openDueReportSlots } from '../reports/report-slots.job.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Hourly clean-up of expired sessions and stale sign-in throttle rows. Idempotent, so several nodes may run it at once.
 * Returns a function that stops it.
 */
export function startHousekeeping(db: Database, log: FastifyBaseLogger, timeZone = 'Asia/Shanghai'): () => void {
  const run = async () => {
    try {
      const removed = await deleteExpiredSessions(db, nowIso());
      const throttles = await purgeStaleThrottles(db, new Date());
      if (removed || throttles)
        log.info({ removed, throttles }, 'housekeeping: removed expired sessions and throttles');
      // Report slots of periods that have ended (reports/report-slots.service.ts), dated in config.timeZone.
      const reports = await openDueReportSlots(db, timeZone);
      if (reports.slots) log.info(reports, 'housekeeping: opened report slots');
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will retry');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
