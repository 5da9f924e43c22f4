import type { FastifyBaseLogger } from 'fastify';
import { localDate } from '../../domain/dates.js';
import type { Database } from '../db/connect.js';
import { escalateOverdueCoordination } from '../supervision/coordination-escalation.js';
import { runDailyFullSweep } from '../supervision/full-sweep.service.js';
import { getSupervisionSettings } from '../supervision/supervision-settings.service.js';
import { sweepQueued } from '../supervision/sweep.service.js';

/** How often the queue of changed tasks is looked at: a change shows in its light within seconds. */
const QUEUE_POLL_MS = 10_000;

/**
 * The supervision sweep. Every few seconds, the tasks queued by changes (an empty queue costs one
 * indexed read); every `sweepMinutes` (setting, read each round), the day's full sweep if it is not
 * done yet (one node at a time, by lease) and the escalation of overdue coordination requests. Safe on several nodes. Returns a
 * function that stops it.
 */
export function startSupervisionSweep(db: Database, log: FastifyBaseLogger, timeZone: string): () => void {
  let stopped = false;
  let running = false;
  const timers: NodeJS.Timeout[] = [];
  const later = (fn: () => Promise<void>, ms: number) => {
    if (stopped) return;
    const timer = setTimeout(fn, ms);
    timer.unref();
    timers.push(timer);
    if (timers.length > 4) timers.shift();
  };
  // One sweep at a time in this process; the two schedules take turns.
  const exclusive = async (work: () => Promise<void>) => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      log.warn({ err: error }, 'supervision sweep failed; will retry');
    } finally {
      running = false;
    }
  };
  const queueRound = async () => {
    await exclusive(async () => {
      const today = localDate(new Date(), timeZone);
      const result = await sweepQueued(db, { today, timeZone });
      if (result.assessed) log.info(result, 'supervision: swept changed tasks');
    });
    later(queueRound, QUEUE_POLL_MS);
  };
  const fullRound = async () => {
    let minutes = 5;
    await exclusive(async () => {
      minutes = (await getSupervisionSettings(db)).sweepMinutes;
      const today = localDate(new Date(), timeZone);
      const full = await runDailyFullSweep(db, { today, timeZone });
      if (full) log.info(full, 'supervision: daily full sweep done');
      // Coordination requests unanswered past their due date go to the lowest common leader.
      const escalated = await escalateOverdueCoordination(db, today);
      if (escalated) log.info({ escalated }, 'supervision: escalated overdue coordination requests');
    });
    later(fullRound, minutes * 60 * 1000);
  };
  later(fullRound, 3_000);
  later(queueRound, QUEUE_POLL_MS);
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
}
