import type { Executor } from '../db/connect.js';

// What the health rules and the ladder need to know about a batch of tasks, read in one query per
// table (never one per task): the sweep assesses hundreds of tasks per round trip.

/** Statuses that carry a light (src/domain/task-health.ts); the sweep clears the light of any other. */
export const LIGHTED_STATUSES = ['assigned', 'in_progress', 'returned', 'closure_requested'] as const;

export interface HealthTaskRow {
  id: number;
  number: string;
  title: string;
  status: string;
  deadline: string | null;
  start_date: string | null;
  assigned_at: string | null;
  progress: number;
  lead_unit_id: number | null;
  responsible_person_id: number | null;
  responsible_leader_id: number | null;
  health_light: string | null;
  health_flags: number;
  health_reasons: string;
  health_expected: number | null;
  health_forecast: string | null;
}

/** The tasks' rows with their stored health (primary key lookups). */
export function listHealthTaskRows(db: Executor, taskIds: readonly number[]): Promise<HealthTaskRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select([
      'id',
      'number',
      'title',
      'status',
      'deadline',
      'start_date',
      'assigned_at',
      'progress',
      'lead_unit_id',
      'responsible_person_id',
      'responsible_leader_id',
      'health_light',
      'health_flags',
      'health_reasons',
      'health_expected',
      'health_forecast',
    ])
    .where('id', 'in', [...taskIds])
    .execute();
}

/**
 * The next open tasks by id after `afterId` (the full sweep's walk, on the primary key; closed,
 * cancelled and draft rows are skipped by the filter, not read into the app).
 */
export async function listOpenTaskIdsAfter(db: Executor, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('id', '>', afterId)
    .where((eb) => eb.or([eb('status', 'in', [...LIGHTED_STATUSES]), eb('health_light', 'is not', null)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Whether each task's lead unit has acknowledged it (task_units primary key). */
export async function listLeadAcknowledged(db: Executor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('task_units')
    .select('task_id')
    .where('task_id', 'in', [...taskIds])
    .where('role', '=', 'lead')
    .where('acknowledged_at', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.task_id));
}

/**
 * Lead-unit report slots due before `today` with no submitted report (none, or a draft), oldest
 * first per task (report_periods_task_idx).
 */
export function listMissingLeadReports(
  db: Executor,
  taskIds: readonly number[],
  today: string,
): Promise<{ task_id: number; period_end: string; due_date: string }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_periods as p')
    .leftJoin('reports as r', 'r.period_id', 'p.id')
    .select(['p.task_id', 'p.period_end', 'p.due_date'])
    .where('p.task_id', 'in', [...taskIds])
    .where('p.role', '=', 'lead')
    .where('p.due_date', '<', today)
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', '=', 'draft')]))
    .orderBy('p.task_id')
    .orderBy('p.period_end')
    .execute();
}

/** Accepted lead reports' percent by period end, newest first per task (reports_task_unit_idx). */
export function listAcceptedLeadPercents(
  db: Executor,
  taskIds: readonly number[],
): Promise<{ task_id: number; period_end: string; percent: number | null }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reports')
    .select(['task_id', 'period_end', 'percent'])
    .where('task_id', 'in', [...taskIds])
    .where('role', '=', 'lead')
    .where('status', '=', 'accepted')
    .orderBy('task_id')
    .orderBy('period_end', 'desc')
    .execute();
}

/** The accepted plan's content per task (plans_accepted_uq), to read its 形象进度. */
export function listAcceptedPlanContents(
  db: Executor,
  taskIds: readonly number[],
): Promise<{ task_id: number; content: string }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plans')
    .select(['task_id', 'content'])
    .where('task_id', 'in', [...taskIds])
    .where('status', '=', 'accepted')
    .execute();
}

/** The stalled mark per task (task_report_state primary key). */
export function listStalledStates(
  db: Executor,
  taskIds: readonly number[],
): Promise<{ task_id: number; stalled_since: string | null }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_report_state')
    .select(['task_id', 'stalled_since'])
    .where('task_id', 'in', [...taskIds])
    .where('stalled', '=', 1)
    .execute();
}

/** Instructions (批示) on the tasks not yet answered, with their due dates (instruction_targets_task_idx). */
export function listUnansweredInstructionTargets(
  db: Executor,
  taskIds: readonly number[],
): Promise<{ task_id: number; instruction_id: number; respond_by: string }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instruction_targets as t')
    .innerJoin('instructions as i', 'i.id', 't.instruction_id')
    .select(['t.task_id', 't.instruction_id', 'i.respond_by'])
    .where('t.task_id', 'in', [...taskIds])
    .where('t.responded_at', 'is', null)
    .execute();
}

/** Occurrence keys already recorded for the tasks (supervision_actions_once_idx). */
export function listRecordedOccurrences(
  db: Executor,
  taskIds: readonly number[],
): Promise<{ task_id: number; occurrence_key: string }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supervision_actions')
    .select(['task_id', 'occurrence_key'])
    .where('task_id', 'in', [...taskIds])
    .where('origin', '=', 'ladder')
    .execute();
}
