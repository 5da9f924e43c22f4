import { type Selectable, sql } from 'kysely';
import { OPEN_STATUSES } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import type { ReportCycleTable, ReportPeriodTable, ReportScheduleTable } from '../db/schema-reports.js';

export type ReportCycleRow = Selectable<ReportCycleTable>;
export type ReportPeriodRow = Selectable<ReportPeriodTable>;
export type ReportScheduleRow = Selectable<ReportScheduleTable>;

/** A schedule's next period end meaning "no period will end": no cycle, or the task is not open. */
export const PARKED = '9999-12-31';
/** A schedule's next period end meaning "recompute from today" (a new default cycle, a reopened task). */
export const RECOMPUTE = '';

/** Rows per multi-row INSERT (7 values a slot: well under SQLite's bound-parameter limit). */
const INSERT_CHUNK = 500;

/** A task's own cycle, if it has one (primary key). */
export function findCycleRow(db: Executor, taskId: number): Promise<ReportCycleRow | undefined> {
  return db.selectFrom('report_cycles').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

/** The own cycles of several tasks. */
export function findCycleRows(db: Executor, taskIds: readonly number[]): Promise<ReportCycleRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('report_cycles').selectAll().where('task_id', 'in', taskIds).execute();
}

/** Creates a task's first own cycle; undefined when one appeared meanwhile (the caller answers 409). */
export async function insertCycleRow(db: Executor, row: ReportCycleRow): Promise<ReportCycleRow | undefined> {
  return db
    .insertInto('report_cycles')
    .values(row)
    .onConflict((oc) => oc.column('task_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Versioned update of a task's cycle; undefined when the version no longer matches. */
export function updateCycleRow(
  db: Executor,
  taskId: number,
  version: number,
  changes: Omit<ReportCycleRow, 'task_id' | 'version'>,
): Promise<ReportCycleRow | undefined> {
  return db
    .updateTable('report_cycles')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('task_id', '=', taskId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A task's schedule (primary key). */
export function findScheduleRow(db: Executor, taskId: number): Promise<ReportScheduleRow | undefined> {
  return db.selectFrom('report_schedules').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

/** Sets a task's next period end, creating its schedule if needed. */
export async function upsertSchedule(db: Executor, taskId: number, nextPeriodEnd: string): Promise<void> {
  await db
    .insertInto('report_schedules')
    .values({ task_id: taskId, next_period_end: nextPeriodEnd })
    .onConflict((oc) => oc.column('task_id').doUpdateSet({ next_period_end: nextPeriodEnd }))
    .execute();
}

/** Creates a task's schedule unless it has one (first sight of an assignment). */
export async function insertScheduleIfMissing(db: Executor, taskId: number, nextPeriodEnd: string): Promise<void> {
  await db
    .insertInto('report_schedules')
    .values({ task_id: taskId, next_period_end: nextPeriodEnd })
    .onConflict((oc) => oc.column('task_id').doNothing())
    .execute();
}

/** Sets the same next period end on many schedules at once (most tasks share the default cycle). */
export async function setNextPeriodEnds(
  db: Executor,
  taskIds: readonly number[],
  nextPeriodEnd: string,
): Promise<void> {
  for (let i = 0; i < taskIds.length; i += INSERT_CHUNK) {
    await db
      .updateTable('report_schedules')
      .set({ next_period_end: nextPeriodEnd })
      .where('task_id', 'in', taskIds.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/**
 * Marks the schedules of the open tasks following the default cycle for recomputation (the default
 * changed): one statement; tasks that are not open stay parked until reopened or resumed.
 */
export async function markDefaultCycleSchedulesForRecompute(db: Executor): Promise<void> {
  await db
    .updateTable('report_schedules')
    .set({ next_period_end: RECOMPUTE })
    .where('task_id', 'not in', db.selectFrom('report_cycles').select('task_id'))
    .where(
      'task_id',
      'in',
      db
        .selectFrom('tasks')
        .select('id')
        .where('status', 'in', [...OPEN_STATUSES]),
    )
    .execute();
}

/** A schedule whose next period has ended, with what is needed to open its slots. */
export interface DueScheduleRow {
  task_id: number;
  next_period_end: string;
  status: string;
  assigned_at: string | null;
  kind: string | null;
  custom_dates: string | null;
  anchor_date: string | null;
}

/**
 * A batch of schedules whose next period ended before `today`, oldest first: a range on
 * report_schedules_next_idx, so the job reads only tasks with something to do (and '' — recompute —
 * sorts first). Each task's row and own cycle are primary-key lookups.
 */
export function listDueSchedules(
  db: Executor,
  today: string,
  limit: number,
  taskId?: number,
): Promise<DueScheduleRow[]> {
  let query = db
    .selectFrom('report_schedules as s')
    .innerJoin('tasks as t', 't.id', 's.task_id')
    .leftJoin('report_cycles as c', 'c.task_id', 's.task_id')
    .select([
      's.task_id',
      's.next_period_end',
      't.status',
      't.assigned_at',
      'c.kind',
      'c.custom_dates',
      'c.anchor_date',
    ])
    .where('s.next_period_end', '<', today);
  if (taskId !== undefined) query = query.where('s.task_id', '=', taskId);
  return query.orderBy('s.next_period_end').orderBy('s.task_id').limit(limit).execute();
}

/** Where the slot job stopped reading the task history. */
export async function readSlotCursor(db: Executor): Promise<number> {
  const row = await db.selectFrom('report_slot_cursor').select('last_event_id').where('id', '=', 1).executeTakeFirst();
  return row?.last_event_id ?? 0;
}

/** Moves the cursor forward only (several nodes may run the job at once). */
export async function advanceSlotCursor(db: Executor, lastEventId: number): Promise<void> {
  await db
    .updateTable('report_slot_cursor')
    .set({ last_event_id: lastEventId })
    .where('id', '=', 1)
    .where('last_event_id', '<', lastEventId)
    .execute();
}

/** A history entry that starts or restarts reporting. */
export interface StartEventRow {
  id: number;
  task_id: number;
  action: string;
  at: string;
}

/**
 * History entries after `afterId` that start reporting on a task (assignment) or restart it
 * (reopening, resumption), in id order: a primary-key range over the entries since the last run.
 */
export function listStartEvents(db: Executor, afterId: number, limit: number): Promise<StartEventRow[]> {
  return db
    .selectFrom('task_events')
    .select(['id', 'task_id', 'action', 'at'])
    .where('id', '>', afterId)
    .where('action', 'in', ['assign', 'reopen', 'resume'])
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Open tasks among these (the job only opens slots for tasks being worked on). */
export async function openTaskIds(db: Executor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('id', 'in', taskIds)
    .where('status', 'in', [...OPEN_STATUSES])
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** The units of several tasks, lead and cooperating (task_units primary key). */
export function listSlotUnits(
  db: Executor,
  taskIds: readonly number[],
): Promise<Array<{ task_id: number; unit_id: number; role: 'lead' | 'cooperating' }>> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('task_units').select(['task_id', 'unit_id', 'role']).where('task_id', 'in', taskIds).execute();
}

/**
 * Opens slots: one row per task, unit and period end, inserted with ON CONFLICT DO NOTHING on
 * report_periods_slot_uq, so running twice (or on two nodes at once) opens each slot once.
 * Answers how many rows were new.
 */
export async function insertSlots(db: Executor, slots: ReadonlyArray<Omit<ReportPeriodRow, 'id'>>): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < slots.length; i += INSERT_CHUNK) {
    const rows = await db
      .insertInto('report_periods')
      .values(slots.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['task_id', 'unit_id', 'period_end']).doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/** The latest period end a task has slots for (report_periods_task_idx). */
export async function lastOpenedPeriodEnd(db: Executor, taskId: number): Promise<string | null> {
  const row = await db
    .selectFrom('report_periods')
    .select((eb) => eb.fn.max('period_end').as('last'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** A slot whose due date has passed, not looked at yet, and whether its report was submitted. */
export interface PassedSlotRow extends ReportPeriodRow {
  submitted: number;
}

/**
 * A batch of slots whose due date is before today and that the job has not looked at yet: a range
 * on report_periods_unchecked_idx (due_checked = 0, due_date < today), so only new work is read.
 */
export async function listUncheckedPassedSlots(db: Executor, today: string, limit: number): Promise<PassedSlotRow[]> {
  const rows = await db
    .selectFrom('report_periods as p')
    .leftJoin('reports as r', 'r.period_id', 'p.id')
    .selectAll('p')
    .select(sql<number>`case when r.submitted_at is null then 0 else 1 end`.as('submitted'))
    .where('p.due_checked', '=', 0)
    .where('p.due_date', '<', today)
    .orderBy('p.due_date')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, submitted: Number(row.submitted) }));
}

/** Marks slots as looked at after their due date. */
export async function markSlotsChecked(db: Executor, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    await db
      .updateTable('report_periods')
      .set({ due_checked: 1 })
      .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}
