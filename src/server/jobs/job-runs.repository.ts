import type { Executor } from '../db/connect.js';

// Leases on named periodic jobs (table job_runs): which node runs the job now, until when, where an
// interrupted run resumes, and the last day it completed. A lease saves duplicate work between nodes;
// correctness never depends on it (actions are keyed, writes idempotent).

export interface JobClaim {
  cursor: string | null;
  lastDay: string | null;
}

/**
 * Takes the job's lease for `owner` until `until` if it is free, expired or already ours, and the job
 * has not completed `day` yet. Answers the resume point, or null when another node holds it or the
 * day is done.
 */
export async function claimJob(
  db: Executor,
  input: { name: string; owner: string; day: string; now: string; until: string },
): Promise<JobClaim | null> {
  await db
    .insertInto('job_runs')
    .values({
      name: input.name,
      last_day: null,
      cursor: null,
      lease_owner: null,
      lease_until: null,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .updateTable('job_runs')
    .set({ lease_owner: input.owner, lease_until: input.until, updated_at: input.now })
    .where('name', '=', input.name)
    .where((eb) =>
      eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', input.now), eb('lease_owner', '=', input.owner)]),
    )
    .where((eb) => eb.or([eb('last_day', 'is', null), eb('last_day', '<', input.day)]))
    .returning(['cursor', 'last_day'])
    .executeTakeFirst();
  return row ? { cursor: row.cursor, lastDay: row.last_day } : null;
}

/** Records progress and extends the lease; false when the lease was lost to another node. */
export async function advanceJob(
  db: Executor,
  input: { name: string; owner: string; cursor: string; now: string; until: string },
): Promise<boolean> {
  const result = await db
    .updateTable('job_runs')
    .set({ cursor: input.cursor, lease_until: input.until, updated_at: input.now })
    .where('name', '=', input.name)
    .where('lease_owner', '=', input.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks the day done and frees the lease. */
export async function completeJob(db: Executor, input: { name: string; owner: string; day: string; now: string }) {
  await db
    .updateTable('job_runs')
    .set({ last_day: input.day, cursor: null, lease_owner: null, lease_until: null, updated_at: input.now })
    .where('name', '=', input.name)
    .where('lease_owner', '=', input.owner)
    .execute();
}
