import { localDate } from '../../domain/dates.js';
import { dayBefore, periodEndingOnOrAfter, periodsEndingBetween, reportDueDate } from '../../domain/report-cycle.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Database, Executor } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { findTaskRow } from '../tasks/tasks.repository.js';
import { assignedDateOf, isOpenTask, nextPeriodEndFromToday, resolveCycle } from './report-cycle.service.js';
import { notifyReportsDue, notifyReportsMissing } from './report-notify.js';
import { getReportSettings, type ReportSettings } from './report-settings.service.js';
import {
  advanceSlotCursor,
  type DueScheduleRow,
  findCycleRow,
  findScheduleRow,
  insertScheduleIfMissing,
  insertSlots,
  listDueSchedules,
  listSlotUnits,
  listStartEvents,
  listUncheckedPassedSlots,
  markSlotsChecked,
  PARKED,
  RECOMPUTE,
  type ReportPeriodRow,
  readSlotCursor,
  setNextPeriodEnds,
  upsertSchedule,
} from './report-slots.repository.js';
import { refreshStalled } from './report-state.service.js';

// Opening report slots (so "missing" is a fact, not a guess), designed for a million tasks:
//
// - Each task has a schedule row holding the end date of its next period (report_schedules). The
//   job reads only schedules whose next period end is before today — an index range
//   (report_schedules_next_idx) — in batches, oldest first; after a batch every row it read points
//   at a period ending today or later (or is parked), so it leaves the range and the loop ends.
//   A task is visited once per period of its cycle, not once per run.
// - Tasks enter the schedule when the job sees their assignment in the task history: it reads
//   task_events after a stored cursor (a primary-key range: only what happened since the last
//   run). Reopened and resumed tasks are marked for recomputation from that day. The cursor only
//   passes entries older than a couple of minutes, so an entry whose transaction committed late is
//   read on the next run; everything is idempotent, so reading twice is harmless.
// - Tasks that are not open (suspended, closed, cancelled) and tasks without a cycle are parked
//   (next period end 9999-12-31): no periods open while they are not being worked on.
// - Slots are inserted with ON CONFLICT DO NOTHING on (task, unit, period end): several nodes may
//   run the job at the same time, and a task's slots are also opened when its reports are read.

/** Entries newer than this may belong to transactions that have not committed yet. */
const CURSOR_LAG_MS = 2 * 60 * 1000;

export interface SlotJobOptions {
  /** The zone in which an assignment instant becomes a date (config.timeZone). */
  timeZone: string;
  batchSize?: number;
  /** A bound on batches per run; the next run continues. */
  maxBatches?: number;
}

interface SlotContext {
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
  settings: ReportSettings;
}

async function slotContext(db: Executor, today: string, timeZone: string): Promise<SlotContext> {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(db), getReportSettings(db)]);
  return { today, timeZone, calendar, settings };
}

/**
 * Opens every report slot that is due by `today` for every open task and each of its units,
 * refreshes the stalled marks of the tasks that got new lead slots, and tells units about reports
 * whose due date has just passed unsubmitted. Idempotent and safe on several nodes. Answers how
 * many tasks were advanced, how many slots were opened and how many missing reports announced.
 */
export async function openReportSlots(
  db: Database,
  today: string,
  options: SlotJobOptions,
): Promise<{ tasks: number; slots: number; missing: number }> {
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 5000;
  const context = await slotContext(db, today, options.timeZone);
  await discoverStartedTasks(db, context, batchSize, maxBatches);
  let tasks = 0;
  let slots = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await inTransaction(db, async (trx) => {
      const due = await listDueSchedules(trx, today, batchSize);
      return { count: due.length, opened: await advanceSchedules(trx, due, context) };
    });
    tasks += result.count;
    slots += result.opened;
    if (result.count < batchSize) break;
  }
  const missing = await checkPassedDueDates(db, today, batchSize, maxBatches);
  return { tasks, slots, missing };
}

/**
 * Looks once at every slot whose due date has passed (report_periods_unchecked_idx: only slots not
 * yet looked at) and tells the unit about each report it has not submitted (`report.missing`).
 */
async function checkPassedDueDates(db: Database, today: string, batchSize: number, maxBatches: number) {
  let missing = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await inTransaction(db, async (trx) => {
      const passed = await listUncheckedPassedSlots(trx, today, batchSize);
      const unsubmitted = passed.filter((slot) => !slot.submitted);
      await notifyReportsMissing(trx, unsubmitted);
      await markSlotsChecked(
        trx,
        passed.map((slot) => slot.id),
      );
      missing += unsubmitted.length;
      return passed.length;
    });
    if (count < batchSize) break;
  }
  return missing;
}

/** Reads the task history since the cursor and puts newly assigned, reopened or resumed tasks on the schedule. */
async function discoverStartedTasks(db: Database, context: SlotContext, batchSize: number, maxBatches: number) {
  const settled = new Date(Date.now() - CURSOR_LAG_MS).toISOString();
  let cursor = await readSlotCursor(db);
  for (let batch = 0; batch < maxBatches; batch++) {
    const events = await listStartEvents(db, cursor, batchSize);
    if (events.length === 0) return;
    await inTransaction(db, async (trx) => {
      for (const event of events) {
        if (event.action === 'assign') await scheduleAssignedTask(trx, event.task_id, context);
        else await upsertSchedule(trx, event.task_id, RECOMPUTE);
      }
      const last = events.filter((e) => e.at < settled).at(-1);
      if (last) await advanceSlotCursor(trx, last.id);
    });
    const lastEvent = events.at(-1);
    if (!lastEvent || events.length < batchSize) return;
    cursor = lastEvent.id;
  }
}

/** First sight of an assigned task: its next period end counted from the assignment date. */
async function scheduleAssignedTask(trx: Executor, taskId: number, context: SlotContext): Promise<void> {
  const task = await findTaskRow(trx, taskId);
  const assignedDate = task ? assignedDateOf(task, context.timeZone) : null;
  if (!task || !assignedDate) return;
  const { cycle } = resolveCycle(await findCycleRow(trx, taskId), context.settings, assignedDate);
  await insertScheduleIfMissing(trx, taskId, periodEndingOnOrAfter(cycle, assignedDate)?.end ?? PARKED);
}

/**
 * Opens the slots of a batch of due schedules and moves each to its next period end. Schedules
 * marked for recomputation get their next period end counted from today, opening nothing.
 */
async function advanceSchedules(trx: Executor, due: readonly DueScheduleRow[], context: SlotContext): Promise<number> {
  const { today } = context;
  const yesterday = dayBefore(today);
  const nextEnds = new Map<string, number[]>();
  const periodsByTask = new Map<number, Array<{ start: string; end: string }>>();
  const moveTo = (end: string, taskId: number) => nextEnds.set(end, [...(nextEnds.get(end) ?? []), taskId]);
  for (const row of due) {
    const assignedDate = assignedDateOf(row, context.timeZone);
    if (!isOpenTask(row.status) || !assignedDate) {
      moveTo(PARKED, row.task_id);
      continue;
    }
    const stored = row.kind
      ? { kind: row.kind, custom_dates: row.custom_dates ?? '[]', anchor_date: row.anchor_date }
      : null;
    const { cycle } = resolveCycle(stored, context.settings, assignedDate);
    if (row.next_period_end === RECOMPUTE) {
      moveTo(await nextPeriodEndFromToday(trx, row.task_id, cycle, today), row.task_id);
      continue;
    }
    periodsByTask.set(row.task_id, periodsEndingBetween(cycle, row.next_period_end, yesterday));
    moveTo(periodEndingOnOrAfter(cycle, today)?.end ?? PARKED, row.task_id);
  }
  const opened = await insertPeriodSlots(trx, periodsByTask, context);
  for (const [end, taskIds] of nextEnds) await setNextPeriodEnds(trx, taskIds, end);
  return opened;
}

/** Inserts the slots of these periods for every unit of each task; notifies the units of reports now due. */
async function insertPeriodSlots(
  trx: Executor,
  periodsByTask: ReadonlyMap<number, ReadonlyArray<{ start: string; end: string }>>,
  context: SlotContext,
): Promise<number> {
  const taskIds = [...periodsByTask.keys()].filter((id) => (periodsByTask.get(id)?.length ?? 0) > 0);
  if (taskIds.length === 0) return 0;
  const units = await listSlotUnits(trx, taskIds);
  const slots: Array<Omit<ReportPeriodRow, 'id'>> = [];
  for (const unit of units) {
    for (const period of periodsByTask.get(unit.task_id) ?? []) {
      const dueDate = reportDueDate(context.calendar, period.end, context.settings.dueWorkingDays);
      slots.push({
        task_id: unit.task_id,
        unit_id: unit.unit_id,
        role: unit.role,
        period_start: period.start,
        period_end: period.end,
        due_date: dueDate,
        // A slot opened after its due date (a task scheduled late, catching up) is shown as
        // missing but not announced: nobody needs a notification for every month of last year.
        due_checked: dueDate < context.today ? 1 : 0,
      });
    }
  }
  const opened = await insertSlots(trx, slots);
  if (opened > 0) {
    await refreshStalled(trx, { taskIds, today: context.today, stalledCycles: context.settings.stalledCycles });
    await notifyReportsDue(
      trx,
      slots.filter((slot) => slot.due_date >= context.today),
    );
  }
  return opened;
}

/**
 * Opens one task's due slots now (its reports are being read): puts it on the schedule if the job
 * has not seen it yet, unparks it if it is open again, then advances it like the job would.
 */
export async function openReportSlotsForTask(db: Database, taskId: number, timeZone: string): Promise<void> {
  const today = localDate(new Date(), timeZone);
  const schedule = await findScheduleRow(db, taskId);
  if (schedule && schedule.next_period_end >= today && schedule.next_period_end !== PARKED) return;
  const task = await findTaskRow(db, taskId);
  const assignedDate = task ? assignedDateOf(task, timeZone) : null;
  if (!task || !assignedDate || !isOpenTask(task.status)) return;
  const context = await slotContext(db, today, timeZone);
  const { cycle } = resolveCycle(await findCycleRow(db, taskId), context.settings, assignedDate);
  // Parked with nothing ahead (no cycle, custom dates all past): nothing to open, and no write.
  if (schedule?.next_period_end === PARKED && !periodEndingOnOrAfter(cycle, today)) return;
  await inTransaction(db, async (trx) => {
    const current = await findScheduleRow(trx, taskId);
    if (!current) await scheduleAssignedTask(trx, taskId, context);
    else if (current.next_period_end === PARKED) await upsertSchedule(trx, taskId, RECOMPUTE);
    await advanceSchedules(trx, await listDueSchedules(trx, today, 1, taskId), context);
  });
}
