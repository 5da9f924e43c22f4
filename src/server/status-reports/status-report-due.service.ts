import type { ScheduleRun, StatusReportFrequency } from '../../shared/status-reports-api.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { advanceJob, claimJob, completeJob } from '../jobs/job-runs.repository.js';
import { type RunDeps, runSchedule } from './status-report-runs.service.js';
import { advanceScheduleRow, listDueScheduleRows } from './status-report-schedules.repository.js';
import { mayManageSchedules, requireSchedule } from './status-report-schedules.service.js';
import { nextDueAt } from './status-report-window.js';

// Sending due schedules. Several nodes may run the job: the job_runs lease `status_reports` keeps
// them from working at once, and each schedule is taken for one due time by moving its next run
// past it only if it still waits for that time (and the run's unique key refuses a second run).

export const STATUS_REPORT_JOB = 'status_reports';
/** How long one node holds the lease. */
const LEASE_MS = 10 * 60_000;
/** Schedules sent per round at most. */
const BATCH = 20;

export interface DueRunResult {
  /** False when another node held the lease or this minute was done. */
  claimed: boolean;
  sent: ScheduleRun[];
}

/**
 * Sends every schedule due by `now`, once per due time. A schedule missed for a while (the
 * service was down) is sent once for its latest due time, then moves on.
 */
export async function runDueSchedules(deps: RunDeps, input: { owner: string; now?: Date }): Promise<DueRunResult> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  // The "day" of the lease is this minute: each minute's round is done once, on one node.
  const tick = at.slice(0, 16);
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const claim = await claimJob(deps.db, { name: STATUS_REPORT_JOB, owner: input.owner, day: tick, now: at, until });
  if (!claim) return { claimed: false, sent: [] };
  const sent: ScheduleRun[] = [];
  for (const row of await listDueScheduleRows(deps.db, at, BATCH)) {
    const dueAt = row.next_run_at as string;
    const rule = {
      frequency: row.frequency as StatusReportFrequency,
      weekday: row.weekday,
      dayOfMonth: row.day_of_month,
      hour: row.hour,
    };
    const next = nextDueAt(rule, now, deps.config.timeZone).toISOString();
    const taken = await advanceScheduleRow(deps.db, { id: row.id, dueAt, nextRunAt: next, ranAt: at });
    if (!taken) continue;
    const run = await runSchedule(deps, { row, dueAt: new Date(dueAt), runBy: null, now });
    if (run) sent.push(run);
    if (
      !(await advanceJob(deps.db, {
        name: STATUS_REPORT_JOB,
        owner: input.owner,
        cursor: String(row.id),
        now: at,
        until,
      }))
    )
      break;
  }
  await completeJob(deps.db, { name: STATUS_REPORT_JOB, owner: input.owner, day: tick, now: at });
  return { claimed: true, sent };
}

/** "Send now": a run outside the schedule, for the window just closed; the schedule keeps its times. */
export async function sendScheduleNow(
  deps: RunDeps,
  input: { id: number; actor: Actor; now?: Date },
): Promise<ScheduleRun> {
  if (!mayManageSchedules(input.actor)) throw new AppError('forbidden');
  const row = await requireSchedule(deps.db, input.id);
  const run = await runSchedule(deps, {
    row,
    dueAt: null,
    runBy: input.actor.userId,
    ...(input.now ? { now: input.now } : {}),
  });
  return run as ScheduleRun;
}
