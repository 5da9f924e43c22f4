import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { ReportRoundTable, ReportTable } from '../db/schema-reports.js';
import type { ReportPeriodRow } from './report-slots.repository.js';

export type ReportRow = Selectable<ReportTable>;
export type ReportRoundRow = Selectable<ReportRoundTable>;

/** The columns lists need: everything but the texts and the JSON. */
const SUMMARY_COLUMNS = [
  'reports.id',
  'reports.period_id',
  'reports.task_id',
  'reports.unit_id',
  'reports.role',
  'reports.period_end',
  'reports.status',
  'reports.percent',
  'reports.similarity',
  'reports.similar_report_id',
  'reports.submitted_at',
  'reports.late_working_days',
  'reports.version',
  'reports.created_by',
  'reports.updated_at',
] as const;

export type ReportSummaryRow = Pick<
  ReportRow,
  | 'id'
  | 'period_id'
  | 'task_id'
  | 'unit_id'
  | 'role'
  | 'period_end'
  | 'status'
  | 'percent'
  | 'similarity'
  | 'similar_report_id'
  | 'submitted_at'
  | 'late_working_days'
  | 'version'
  | 'created_by'
  | 'updated_at'
>;

/** One report by id (primary key). */
export function findReportRow(db: Executor, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The report of a slot, if one was started (reports.period_id is unique). */
export function findReportOfPeriod(db: Executor, periodId: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('period_id', '=', periodId).executeTakeFirst();
}

/** Starts a report; undefined when the slot already has one (a concurrent start). */
export function insertReportRow(db: Executor, values: Omit<ReportRow, 'id'>): Promise<ReportRow | undefined> {
  return db
    .insertInto('reports')
    .values(values)
    .onConflict((oc) => oc.column('period_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export type ReportChanges = Partial<
  Omit<
    ReportRow,
    'id' | 'period_id' | 'task_id' | 'unit_id' | 'role' | 'period_end' | 'version' | 'created_by' | 'created_at'
  >
>;

/** Versioned update that bumps the version; undefined when the version no longer matches. */
export function updateReportRow(
  db: Executor,
  id: number,
  version: number,
  changes: ReportChanges,
): Promise<ReportRow | undefined> {
  return db
    .updateTable('reports')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Appends review rounds to a report. */
export async function insertRoundRows(db: Executor, rounds: ReadonlyArray<Omit<ReportRoundRow, 'id'>>): Promise<void> {
  if (rounds.length === 0) return;
  await db
    .insertInto('report_rounds')
    .values([...rounds])
    .execute();
}

/** A report's rounds in order (report_rounds_report_idx). */
export function listRoundRows(db: Executor, reportId: number): Promise<ReportRoundRow[]> {
  return db.selectFrom('report_rounds').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

/** One slot by id (primary key). */
export function findPeriodRow(db: Executor, id: number): Promise<ReportPeriodRow | undefined> {
  return db.selectFrom('report_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A task's slots, newest period first (report_periods_task_idx); at most `limit` periods' worth. */
export function listTaskPeriodRows(db: Executor, taskId: number, limit: number): Promise<ReportPeriodRow[]> {
  return db
    .selectFrom('report_periods')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('period_end', 'desc')
    .orderBy('unit_id')
    .limit(limit)
    .execute();
}

/** A task's reports without their texts (reports_task_unit_idx). */
export function listTaskReportSummaries(db: Executor, taskId: number): Promise<ReportSummaryRow[]> {
  return db.selectFrom('reports').select(SUMMARY_COLUMNS).where('task_id', '=', taskId).execute();
}

/**
 * The same unit's latest report on the task before a period in one of these states, newest first
 * (reports_task_unit_idx): the previous submission to compare with, or the last accepted one.
 */
export function findEarlierReport(
  db: Executor,
  input: { taskId: number; unitId: number; beforePeriodEnd: string; statuses: readonly string[] },
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('task_id', '=', input.taskId)
    .where('unit_id', '=', input.unitId)
    .where('period_end', '<', input.beforePeriodEnd)
    .where('status', 'in', [...input.statuses])
    .orderBy('period_end', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The texts a similarity check reads. */
export type ComparedTextRow = Pick<ReportRow, 'id' | 'done_text' | 'problems' | 'next_steps'>;

/** Other units' submitted reports on the same task for the same period (reports_task_unit_idx). */
export function listSamePeriodTexts(
  db: Executor,
  input: { reportId: number; taskId: number; periodEnd: string },
): Promise<ComparedTextRow[]> {
  return db
    .selectFrom('reports')
    .select(['id', 'done_text', 'problems', 'next_steps'])
    .where('task_id', '=', input.taskId)
    .where('period_end', '=', input.periodEnd)
    .where('id', '!=', input.reportId)
    .where('submitted_at', 'is not', null)
    .execute();
}

/**
 * The same unit's submitted reports on other tasks for the same period whose normalised length
 * could still reach the threshold: a range on reports_unit_period_idx (unit, period end, length),
 * at most `limit` of them, so a unit leading hundreds of tasks costs a bounded amount per check.
 */
export function listSameUnitTexts(
  db: Executor,
  input: {
    reportId: number;
    taskId: number;
    unitId: number;
    periodEnd: string;
    minLength: number;
    maxLength: number;
    limit: number;
  },
): Promise<ComparedTextRow[]> {
  return db
    .selectFrom('reports')
    .select(['id', 'done_text', 'problems', 'next_steps'])
    .where('unit_id', '=', input.unitId)
    .where('period_end', '=', input.periodEnd)
    .where('norm_length', '>=', input.minLength)
    .where('norm_length', '<=', input.maxLength)
    .where('task_id', '!=', input.taskId)
    .where('id', '!=', input.reportId)
    .where('submitted_at', 'is not', null)
    .orderBy('norm_length')
    .limit(input.limit)
    .execute();
}

/** The cooperating units' reports of a task for one period, texts included (the lead's 汇总 view). */
export function listCooperatingParts(db: Executor, taskId: number, periodEnd: string): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('period_end', '=', periodEnd)
    .where('role', '=', 'cooperating')
    .orderBy('unit_id')
    .execute();
}

/** A row of the supervision queue: the report's summary with its task and period. */
export type QueueRow = ReportSummaryRow & {
  task_number: string;
  task_title: string;
  task_is_key: number;
  period_start: string;
  due_date: string;
};

/**
 * Reports waiting for the supervision office, oldest first (keyset on updated_at, id over
 * reports_status_idx); the filters are applied to that range, the task and slot are primary-key
 * lookups per row.
 */
export function listQueueRows(
  db: Executor,
  filter: {
    late?: boolean | undefined;
    flagged?: boolean | undefined;
    key?: boolean | undefined;
    unitId?: number | undefined;
    threshold: number;
    after?: { updatedAt: string; id: number } | undefined;
    limit: number;
  },
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('report_periods', 'report_periods.id', 'reports.period_id')
    .select(SUMMARY_COLUMNS)
    .select([
      'tasks.number as task_number',
      'tasks.title as task_title',
      'tasks.is_key as task_is_key',
      'report_periods.period_start',
      'report_periods.due_date',
    ])
    .where('reports.status', '=', 'pending_supervisor');
  if (filter.late === true) query = query.where('reports.late_working_days', '>', 0);
  if (filter.late === false)
    query = query.where((eb) =>
      eb.or([eb('reports.late_working_days', '=', 0), eb('reports.late_working_days', 'is', null)]),
    );
  if (filter.flagged === true) query = query.where('reports.similarity', '>=', filter.threshold);
  if (filter.flagged === false)
    query = query.where((eb) =>
      eb.or([eb('reports.similarity', '<', filter.threshold), eb('reports.similarity', 'is', null)]),
    );
  if (filter.key !== undefined) query = query.where('tasks.is_key', '=', filter.key ? 1 : 0);
  if (filter.unitId !== undefined) query = query.where('reports.unit_id', '=', filter.unitId);
  if (filter.after) {
    const { updatedAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('reports.updated_at', '>', updatedAt),
        eb.and([eb('reports.updated_at', '=', updatedAt), eb('reports.id', '>', id)]),
      ]),
    );
  }
  return query.orderBy('reports.updated_at').orderBy('reports.id').limit(filter.limit).execute();
}
