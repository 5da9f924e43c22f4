import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { AssessmentPeriodTable } from '../db/schema-assessment.js';

// Assessment periods (考核期): the rows, their versioned edits, and the counts shown with them.

export type PeriodRow = Selectable<AssessmentPeriodTable>;
export type NewPeriodRow = Omit<Insertable<AssessmentPeriodTable>, 'id'>;
export type PeriodChanges = Omit<Updateable<AssessmentPeriodTable>, 'id' | 'version'>;

export function insertPeriodRow(db: Executor, values: NewPeriodRow): Promise<PeriodRow> {
  return db.insertInto('assessment_periods').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findPeriodRow(db: Executor, id: number): Promise<PeriodRow | undefined> {
  return db.selectFrom('assessment_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every period, latest end first (assessment_periods_ends_idx); periods are few (a handful a year). */
export function listPeriodRows(db: Executor): Promise<PeriodRow[]> {
  return db.selectFrom('assessment_periods').selectAll().orderBy('ends_on', 'desc').orderBy('id', 'desc').execute();
}

/** Writes changes if the period is still at `version`; undefined when it moved on. */
export function updatePeriodRow(
  db: Executor,
  id: number,
  version: number,
  changes: PeriodChanges,
): Promise<PeriodRow | undefined> {
  return db
    .updateTable('assessment_periods')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Deletes a draft period: links to it from later periods, rectifications, cases and bulletins are
 * cleared first (they stay, without the period); its tasks, scores, ratings and reviews cascade.
 */
export async function deletePeriodRow(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('assessment_periods')
    .set({ previous_period_id: null })
    .where('previous_period_id', '=', id)
    .execute();
  for (const table of ['rectifications', 'cases', 'bulletins'] as const) {
    await db.updateTable(table).set({ period_id: null }).where('period_id', '=', id).execute();
  }
  await db.deleteFrom('assessment_periods').where('id', '=', id).execute();
}

/** Task counts by outcome for the given periods (assessment_tasks_pk, grouped). */
export async function outcomeCounts(
  db: Executor,
  periodIds: readonly number[],
): Promise<Map<number, Record<string, number>>> {
  const counts = new Map<number, Record<string, number>>();
  if (periodIds.length === 0) return counts;
  const rows = await db
    .selectFrom('assessment_tasks')
    .select((eb) => ['period_id', 'outcome', eb.fn.countAll<number>().as('n')])
    .where('period_id', 'in', periodIds)
    .groupBy(['period_id', 'outcome'])
    .execute();
  for (const row of rows) {
    const record = counts.get(row.period_id) ?? {};
    record[row.outcome] = Number(row.n);
    counts.set(row.period_id, record);
  }
  return counts;
}
