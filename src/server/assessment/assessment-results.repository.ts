import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { AssessmentPointTable, AssessmentResultTable } from '../db/schema-assessment.js';

// A period's stored scores: one row per unit and role, one row per point line. Computing replaces
// them as a whole; reading never recomputes, so a frozen period answers what it was frozen with.

export type ResultRow = Selectable<AssessmentResultTable>;
export type PointRow = Selectable<AssessmentPointTable>;
export type NewPointRow = Omit<Insertable<AssessmentPointTable>, 'id'>;

/** Rows per INSERT: well under SQLite's 32,766 bound parameters with 11 columns. */
const CHUNK = 1000;

/** Drops the period's scores before they are written again (assessment_results_pk, assessment_points_unit_idx). */
export async function deleteScores(db: Executor, periodId: number): Promise<void> {
  await db.deleteFrom('assessment_points').where('period_id', '=', periodId).execute();
  await db.deleteFrom('assessment_results').where('period_id', '=', periodId).execute();
}

/** Drops everything computed for the period, its task list too (when what it covers changes). */
export async function deleteComputed(db: Executor, periodId: number): Promise<void> {
  await deleteScores(db, periodId);
  await db.deleteFrom('assessment_tasks').where('period_id', '=', periodId).execute();
}

export async function insertResultRows(db: Executor, rows: readonly ResultRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('assessment_results')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function insertPointRows(db: Executor, rows: readonly NewPointRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('assessment_points')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** One league table, best first (assessment_results_rank_idx). */
export function listResultRows(db: Executor, periodId: number, role: string): Promise<ResultRow[]> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('role', '=', role)
    .orderBy('rank')
    .orderBy('unit_id')
    .execute();
}

export function findResultRow(
  db: Executor,
  periodId: number,
  role: string,
  unitId: number,
): Promise<ResultRow | undefined> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('role', '=', role)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/**
 * A unit's point lines in one role, optionally of one rule, in task then line order, at most
 * `limit` (assessment_points_unit_idx: period_id, unit_id, role, task_id).
 */
export function listPointRows(
  db: Executor,
  filter: { periodId: number; unitId: number; role: string; ruleId?: string | undefined; limit: number },
): Promise<PointRow[]> {
  let query = db
    .selectFrom('assessment_points')
    .selectAll()
    .where('period_id', '=', filter.periodId)
    .where('unit_id', '=', filter.unitId)
    .where('role', '=', filter.role);
  if (filter.ruleId) query = query.where('rule_id', '=', filter.ruleId);
  return query.orderBy('task_id').orderBy('id').limit(filter.limit).execute();
}

/** Average lead score (hundredths) per period, and one unit's, for the trend (assessment_results_pk). */
export async function trendRows(
  db: Executor,
  periodIds: readonly number[],
  unitId: number | undefined,
): Promise<{ averages: Map<number, number>; unitScores: Map<number, number> }> {
  const averages = new Map<number, number>();
  const unitScores = new Map<number, number>();
  if (periodIds.length === 0) return { averages, unitScores };
  const rows = await db
    .selectFrom('assessment_results')
    .select((eb) => ['period_id', eb.fn.sum<number>('score').as('total'), eb.fn.countAll<number>().as('n')])
    .where('period_id', 'in', periodIds)
    .where('role', '=', 'lead')
    .groupBy('period_id')
    .execute();
  for (const row of rows) averages.set(row.period_id, Math.round(Number(row.total) / Number(row.n)));
  if (unitId !== undefined) {
    const own = await db
      .selectFrom('assessment_results')
      .select(['period_id', 'score'])
      .where('period_id', 'in', periodIds)
      .where('role', '=', 'lead')
      .where('unit_id', '=', unitId)
      .execute();
    for (const row of own) unitScores.set(row.period_id, row.score);
  }
  return { averages, unitScores };
}

/** Tasks' numbers and titles by id, for explanation lines (tasks primary key). */
export async function taskTitles(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { number: string; title: string }>> {
  const unique = [...new Set(ids)];
  const found = new Map<number, { number: string; title: string }>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'number', 'title'])
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) found.set(row.id, { number: row.number, title: row.title });
  }
  return found;
}
