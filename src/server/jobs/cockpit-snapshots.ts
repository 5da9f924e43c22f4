import type { FastifyBaseLogger } from 'fastify';
import { takeCockpitSnapshots } from '../cockpit/cockpit.service.js';
import type { RouteDeps } from '../http/route-deps.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The cockpit's daily snapshots ("change since last week"): checked hourly, taken once a day (the
 * first check after local midnight finds none for today). Idempotent upserts, so several nodes may
 * run it at once. Returns a function that stops it.
 */
export function startCockpitSnapshots(deps: Pick<RouteDeps, 'db' | 'dialect' | 'config'>, log: FastifyBaseLogger) {
  const run = async () => {
    try {
      const written = await takeCockpitSnapshots(deps, { onlyIfMissing: true });
      if (written) log.info({ written }, 'cockpit: took the daily snapshots');
    } catch (error) {
      log.warn({ err: error }, 'cockpit snapshots failed; will retry');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
