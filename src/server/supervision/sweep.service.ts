import type { WorkingCalendar } from '../../domain/working-days.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Database } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { dequeueHealth, listQueuedHealth, type StoredHealth, writeTaskHealth } from './health.repository.js';
import { listOpenTaskIdsAfter } from './health-facts.repository.js';
import { fireLadder } from './ladder.service.js';
import { getLadderSettings } from './ladder-settings.service.js';
import { getSupervisionSettings, healthSettingsOf } from './supervision-settings.service.js';
import { readSituations, type SituationContext, type TaskSituation } from './task-situation.js';

// The sweep (issue 5 item 8): recompute the health of tasks and fire the ladder's due actions.
// Incremental: the tasks queued by changes (every timeline event queues its task). Full: every open
// task once a day, since the passing of days alone turns lights. Both are safe to run on several
// nodes at once: health writes are idempotent, and each ladder action is one row under a unique key.

/** Tasks per batch: one read of facts, then one write transaction. */
export const SWEEP_BATCH = 500;

export interface SweepOptions {
  /** The local day to judge by (tests and the demo pass one; otherwise today in `timeZone`). */
  today: string;
  timeZone: string;
  /** The instant recorded on actions and events. */
  now?: string;
}

export interface SweepResult {
  assessed: number;
  changed: number;
  fired: number;
}

interface SweepContext extends SituationContext {
  ladder: Parameters<typeof fireLadder>[2];
}

/** Settings, ladder and calendar, read once per sweep. */
async function sweepContext(db: Database, options: SweepOptions, actor: Actor): Promise<SweepContext> {
  const [settings, ladder, calendar] = await Promise.all([
    getSupervisionSettings(db),
    getLadderSettings(db),
    loadWorkingCalendar(db),
  ]);
  const base = { today: options.today, timeZone: options.timeZone, calendar: calendar as WorkingCalendar };
  return {
    ...base,
    settings: healthSettingsOf(settings),
    ladder: {
      rules: ladder.rules,
      today: options.today,
      calendar: base.calendar,
      now: options.now ?? new Date().toISOString(),
      actor,
      noticeResponseWorkingDays: settings.noticeResponseWorkingDays,
    },
  };
}

/** Assesses a batch and, in one transaction, writes the changed lights and fires the due actions. */
async function sweepBatch(db: Database, taskIds: readonly number[], context: SweepContext): Promise<SweepResult> {
  const situations = await readSituations(db, taskIds, context);
  return inTransaction(db, async (trx) => {
    let changed = 0;
    for (const situation of situations) {
      const next = storedHealthOf(situation, context.today);
      if (sameHealth(situation.row, next)) continue;
      await writeTaskHealth(trx, situation.row.id, next);
      changed += 1;
    }
    const fired = await fireLadder(trx, situations, context.ladder);
    return { assessed: situations.length, changed, fired };
  });
}

/**
 * The incremental sweep: the queued tasks, oldest first, until the queue is empty (or `maxBatches`).
 * A queue row is removed only as it was read, so a task changed again meanwhile stays queued.
 */
export async function sweepQueued(
  db: Database,
  options: SweepOptions & { maxBatches?: number },
  actor: Actor = systemActor('sweep'),
): Promise<SweepResult> {
  const context = await sweepContext(db, options, actor);
  const total: SweepResult = { assessed: 0, changed: 0, fired: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const queued = await listQueuedHealth(db, SWEEP_BATCH);
    if (queued.length === 0) break;
    add(
      total,
      await sweepBatch(
        db,
        queued.map((q) => q.task_id),
        context,
      ),
    );
    await inTransaction(db, (trx) => dequeueHealth(trx, queued));
    if (queued.length < SWEEP_BATCH) break;
  }
  return total;
}

/**
 * The full sweep: every open task (and every task still showing a light) by id, from `afterId`.
 * `onBatch` is told the last id done after each committed batch (the scheduler keeps it as the
 * resume point); returning false stops the walk.
 */
export async function sweepAll(
  db: Database,
  options: SweepOptions & { afterId?: number; onBatch?: (lastId: number) => Promise<boolean> },
  actor: Actor = systemActor('sweep'),
): Promise<SweepResult> {
  const context = await sweepContext(db, options, actor);
  const total: SweepResult = { assessed: 0, changed: 0, fired: 0 };
  let afterId = options.afterId ?? 0;
  for (;;) {
    const ids = await listOpenTaskIdsAfter(db, afterId, SWEEP_BATCH);
    if (ids.length === 0) break;
    add(total, await sweepBatch(db, ids, context));
    afterId = ids[ids.length - 1] as number;
    if (options.onBatch && !(await options.onBatch(afterId))) break;
  }
  return total;
}

const FLAG_BITS = { overdue: 1, stalled: 2, reportMissing: 4, unacknowledged: 8 } as const;

/** The health columns for a situation: the assessment, or all empty for a task that is not open. */
export function storedHealthOf(situation: TaskSituation, today: string): StoredHealth {
  const { health } = situation;
  if (!health) {
    return {
      health_light: null,
      health_flags: 0,
      health_reasons: '[]',
      health_expected: null,
      health_forecast: null,
      health_on: null,
    };
  }
  let flags = 0;
  for (const [name, bit] of Object.entries(FLAG_BITS)) {
    if (health.flags[name as keyof typeof FLAG_BITS]) flags |= bit;
  }
  return {
    health_light: health.light,
    health_flags: flags,
    health_reasons: JSON.stringify(health.reasons),
    health_expected: health.expectedProgress,
    health_forecast: health.forecast,
    health_on: today,
  };
}

/** Whether the stored health already says this (the day it was assessed aside). */
function sameHealth(row: TaskSituation['row'], next: StoredHealth): boolean {
  return (
    row.health_light === next.health_light &&
    row.health_flags === next.health_flags &&
    row.health_reasons === next.health_reasons &&
    (row.health_expected ?? null) === (next.health_expected ?? null) &&
    row.health_forecast === next.health_forecast
  );
}

function add(total: SweepResult, batch: SweepResult): void {
  total.assessed += batch.assessed;
  total.changed += batch.changed;
  total.fired += batch.fired;
}
