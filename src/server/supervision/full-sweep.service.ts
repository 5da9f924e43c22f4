import { randomUUID } from 'node:crypto';
import type { Database } from '../db/connect.js';
import { advanceJob, claimJob, completeJob } from '../jobs/job-runs.repository.js';
import { type SweepOptions, type SweepResult, sweepAll } from './sweep.service.js';

const JOB = 'health_full';
const LEASE_MS = 5 * 60 * 1000;

/**
 * Today's full sweep, once per day across all nodes: the node holding the lease walks the open tasks
 * and records how far it got after every batch; if it dies, the lease expires and another node
 * resumes from there (the batch it was in rolled back and is simply done again). Answers null when
 * the day is already done or another node is on it.
 */
export async function runDailyFullSweep(
  db: Database,
  options: SweepOptions & { owner?: string },
): Promise<SweepResult | null> {
  const owner = options.owner ?? randomUUID();
  const lease = () => ({ now: new Date().toISOString(), until: new Date(Date.now() + LEASE_MS).toISOString() });
  const claim = await claimJob(db, { name: JOB, owner, day: options.today, ...lease() });
  if (!claim) return null;
  // The cursor is `day:lastId`; yesterday's unfinished walk starts over.
  const [cursorDay, cursorId] = (claim.cursor ?? '').split(':');
  const afterId = cursorDay === options.today ? Number(cursorId) || 0 : 0;
  let kept = true;
  const result = await sweepAll(db, {
    ...options,
    afterId,
    onBatch: async (lastId) => {
      kept = await advanceJob(db, { name: JOB, owner, cursor: `${options.today}:${lastId}`, ...lease() });
      return kept;
    },
  });
  if (kept) await completeJob(db, { name: JOB, owner, day: options.today, now: new Date().toISOString() });
  return result;
}
