import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Dialect } from '../db/connect.js';
import { runDueSchedules } from '../status-reports/status-report-due.service.js';

/** How often due report schedules are looked for (a schedule goes out at most this late). */
const POLL_MS = 60_000;

/**
 * Sends scheduled implementation reports when due (status-report-due.service.ts holds the rules;
 * safe on several nodes). Returns a function that stops it.
 */
export function startStatusReports(
  deps: { db: Database; dialect: Dialect; config: Config },
  log: FastifyBaseLogger,
): () => void {
  const owner = `status-reports:${randomUUID()}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runDueSchedules(deps, { owner });
      if (result.sent.length) log.info({ runs: result.sent.length }, 'status reports: sent scheduled reports');
    } catch (error) {
      log.warn({ err: error }, 'status reports failed; will retry');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
