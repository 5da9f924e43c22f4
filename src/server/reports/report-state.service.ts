import { type Executor, nowIso } from '../db/connect.js';
import {
  countCyclesSinceChange,
  findTaskReportState,
  listAcceptedLeadPercents,
  setStalled,
  upsertTaskReportState,
} from './report-state.repository.js';

// The stalled mark (半途而废 risk): a task is stalled when its accepted lead-report percent has not
// moved for `stalledCycles` reporting cycles. A cycle counts once its lead period is past its due
// date (so a report still on its way does not count against the unit), starting after the period
// whose accepted report last changed the percent (or first gave one). A task at 100 % is not
// stalled; a task that never had an accepted report is "missing", not stalled.

function samePercent(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.round(a * 100) === Math.round(b * 100);
}

function isStalled(cycles: number, lastPercent: number | null, stalledCycles: number): boolean {
  return cycles >= stalledCycles && lastPercent !== null && lastPercent < 100;
}

/**
 * Recomputes a task's reporting state from its accepted lead reports (on each acceptance), in the
 * caller's transaction. Accepting an older period's late report is handled, since it walks them all.
 */
export async function recomputeTaskReportState(
  trx: Executor,
  input: { taskId: number; today: string; stalledCycles: number },
): Promise<void> {
  const accepted = await listAcceptedLeadPercents(trx, input.taskId);
  if (accepted.length === 0) return;
  let last: number | null = null;
  let changeEnd: string | null = null;
  let lastAt: string | null = null;
  for (const [i, report] of accepted.entries()) {
    if (i === 0 || !samePercent(report.percent, last)) changeEnd = report.period_end;
    last = report.percent;
    if (!lastAt || report.updated_at > lastAt) lastAt = report.updated_at;
  }
  const before = await findTaskReportState(trx, input.taskId);
  await upsertTaskReportState(trx, {
    task_id: input.taskId,
    stalled: before?.stalled ?? 0,
    stalled_since: before?.stalled_since ?? null,
    last_percent: last,
    last_report_at: lastAt,
    change_period_end: changeEnd,
  });
  await refreshStalled(trx, { taskIds: [input.taskId], today: input.today, stalledCycles: input.stalledCycles });
}

/**
 * Raises or clears the stalled mark of these tasks by counting their lead cycles since the last
 * change (one grouped query): called when slots open and after each acceptance.
 */
export async function refreshStalled(
  trx: Executor,
  input: { taskIds: readonly number[]; today: string; stalledCycles: number },
): Promise<void> {
  const counts = await countCyclesSinceChange(trx, input.taskIds, input.today);
  const raise = counts.filter((c) => !c.stalled && isStalled(c.cycles, c.last_percent, input.stalledCycles));
  const clear = counts.filter((c) => c.stalled && !isStalled(c.cycles, c.last_percent, input.stalledCycles));
  const now = nowIso();
  await setStalled(
    trx,
    raise.map((c) => c.task_id),
    true,
    now,
  );
  await setStalled(
    trx,
    clear.map((c) => c.task_id),
    false,
    now,
  );
}
