import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { TaskOutcome } from '../../shared/assessment-api.js';
import type { Executor } from '../db/connect.js';
import type { AssessmentReviewTable } from '../db/schema-assessment.js';

// The item-by-item review's queries: the worksheet (every task of a period with its review), one
// review's read and version-checked write, and the roll-up by outcome and reason.

export type ReviewRow = Selectable<AssessmentReviewTable>;
type ReviewValues = Omit<Insertable<AssessmentReviewTable>, 'period_id' | 'task_id' | 'version'>;

/** The period's fields the review needs. */
export function findReviewPeriod(db: Executor, periodId: number) {
  return db
    .selectFrom('assessment_periods')
    .select(['id', 'name', 'status', 'starts_on', 'ends_on', 'computed_at'])
    .where('id', '=', periodId)
    .executeTakeFirst();
}

export interface WorksheetFilter {
  outcome?: TaskOutcome | undefined;
  reviewed?: boolean | undefined;
  unitId?: number | undefined;
  taskId?: number | undefined;
}

/**
 * The worksheet lines: the period's tasks (assessment_tasks_pk: period_id first) with the task,
 * its lead unit, and its review (assessment_reviews_pk) if any, ordered by task number (year, seq).
 * The outcome filter is on the effective outcome: as reviewed, else as computed.
 */
export function listWorksheetRows(db: Executor, periodId: number, filter: WorksheetFilter) {
  let query = db
    .selectFrom('assessment_tasks as at')
    .innerJoin('tasks as t', 't.id', 'at.task_id')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .leftJoin('assessment_reviews as r', (join) =>
      join.onRef('r.period_id', '=', 'at.period_id').onRef('r.task_id', '=', 'at.task_id'),
    )
    .leftJoin('users as ru', 'ru.id', 'r.reviewed_by')
    .select([
      't.id as task_id',
      't.number',
      't.title',
      't.kind',
      't.lead_unit_id',
      'u.name as lead_unit_name',
      'at.outcome as computed_outcome',
      't.deadline',
      't.closed_at',
      'r.outcome as review_outcome',
      'r.reason_code',
      'r.explanation',
      'r.practices',
      'r.exemplary_candidate',
      'r.reviewed_at',
      'r.version as review_version',
      'ru.display_name as reviewed_by_name',
    ])
    .where('at.period_id', '=', periodId);
  if (filter.taskId !== undefined) query = query.where('at.task_id', '=', filter.taskId);
  if (filter.unitId !== undefined) query = query.where('t.lead_unit_id', '=', filter.unitId);
  if (filter.reviewed === true) query = query.where('r.task_id', 'is not', null);
  if (filter.reviewed === false) query = query.where('r.task_id', 'is', null);
  if (filter.outcome !== undefined) {
    query = query.where(sql<string>`coalesce(r.outcome, at.outcome)`, '=', filter.outcome);
  }
  return query.orderBy('t.year').orderBy('t.seq').orderBy('t.id').execute();
}
export type WorksheetRow = Awaited<ReturnType<typeof listWorksheetRows>>[number];

/** How many tasks the period has and how many are reviewed. */
export async function countReviewProgress(
  db: Executor,
  periodId: number,
): Promise<{ total: number; reviewed: number }> {
  const row = await db
    .selectFrom('assessment_tasks as at')
    .leftJoin('assessment_reviews as r', (join) =>
      join.onRef('r.period_id', '=', 'at.period_id').onRef('r.task_id', '=', 'at.task_id'),
    )
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('r.task_id').as('reviewed')])
    .where('at.period_id', '=', periodId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), reviewed: Number(row.reviewed) };
}

/** A task's computed outcome in the period, or undefined when the period does not cover it. */
export async function findComputedOutcome(db: Executor, periodId: number, taskId: number) {
  const row = await db
    .selectFrom('assessment_tasks')
    .select('outcome')
    .where('period_id', '=', periodId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return row?.outcome as TaskOutcome | undefined;
}

export function findReviewRow(db: Executor, periodId: number, taskId: number): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('assessment_reviews')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
}

/** The first review of a task (version 1); undefined when a concurrent writer got there first. */
export async function insertReviewRow(db: Executor, periodId: number, taskId: number, values: ReviewValues) {
  return db
    .insertInto('assessment_reviews')
    .values({ period_id: periodId, task_id: taskId, ...values, version: 1 })
    .onConflict((oc) => oc.columns(['period_id', 'task_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Rewrites a review still at `version`; undefined when it moved on. */
export function updateReviewRow(db: Executor, periodId: number, taskId: number, version: number, values: ReviewValues) {
  return db
    .updateTable('assessment_reviews')
    .set({ ...values, version: version + 1 })
    .where('period_id', '=', periodId)
    .where('task_id', '=', taskId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Tasks by effective outcome (as reviewed, else as computed). */
export async function countByOutcome(db: Executor, periodId: number): Promise<Array<{ outcome: string; n: number }>> {
  const outcome = sql<string>`coalesce(r.outcome, at.outcome)`;
  const rows = await db
    .selectFrom('assessment_tasks as at')
    .leftJoin('assessment_reviews as r', (join) =>
      join.onRef('r.period_id', '=', 'at.period_id').onRef('r.task_id', '=', 'at.task_id'),
    )
    .select((eb) => [outcome.as('outcome'), eb.fn.countAll<number>().as('n')])
    .where('at.period_id', '=', periodId)
    .groupBy(outcome)
    .execute();
  return rows.map((row) => ({ outcome: row.outcome, n: Number(row.n) }));
}

/**
 * Reviews by reason code, and exemplary candidates, of the period's tasks as last computed (a
 * recomputation may drop a task; its review stays but no longer counts). assessment_reviews_pk.
 */
export async function countReviewReasons(db: Executor, periodId: number) {
  const reviews = () =>
    db
      .selectFrom('assessment_reviews as r')
      .innerJoin('assessment_tasks as at', (join) =>
        join.onRef('at.period_id', '=', 'r.period_id').onRef('at.task_id', '=', 'r.task_id'),
      )
      .where('r.period_id', '=', periodId);
  const reasons = await reviews()
    .select((eb) => ['r.reason_code', eb.fn.countAll<number>().as('n')])
    .where('r.reason_code', 'is not', null)
    .groupBy('r.reason_code')
    .execute();
  const exemplary = await reviews()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.exemplary_candidate', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    reasons: reasons.map((row) => ({ code: row.reason_code as string, n: Number(row.n) })),
    exemplary: Number(exemplary.n),
  };
}

/** The reason codes some review uses (assessment_reviews_reason_idx), so none is removed from the list. */
export async function listReasonCodesInUse(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment_reviews')
    .select('reason_code')
    .distinct()
    .where('reason_code', 'is not', null)
    .execute();
  return rows.map((row) => row.reason_code as string);
}

/**
 * Takes the period row's lock for the rest of the transaction (a no-op write: PostgreSQL locks the
 * row, SQLite's BEGIN IMMEDIATE already admits one writer), so a review and a freeze never overlap.
 */
export async function lockReviewPeriod(db: Executor, periodId: number): Promise<void> {
  await db
    .updateTable('assessment_periods')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', periodId)
    .execute();
}
