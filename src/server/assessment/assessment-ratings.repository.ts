import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { AssessmentRatingTable } from '../db/schema-assessment.js';

// Quality ratings (1–5, with a comment): one per period, task, unit and rater (assessment_ratings_key).

export type RatingRow = Selectable<AssessmentRatingTable>;

/** Whether the task is one of the period's, as last computed (assessment_tasks_pk). */
export async function isPeriodTask(db: Executor, periodId: number, taskId: number): Promise<boolean> {
  const row = await db
    .selectFrom('assessment_tasks')
    .select('task_id')
    .where('period_id', '=', periodId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The unit's part in the task and the unit's path, when it has one (task_units_pk). */
export function findTaskUnit(db: Executor, taskId: number, unitId: number) {
  return db
    .selectFrom('task_units')
    .select(['role', 'unit_path'])
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Writes the rater's rating, replacing their earlier one of the same unit's work on the task. */
export async function upsertRatingRow(
  db: Executor,
  values: {
    period_id: number;
    task_id: number;
    unit_id: number;
    rater_id: number;
    rating: number;
    comment: string;
    at: string;
  },
): Promise<RatingRow> {
  const { at, ...key } = values;
  const existing = await db
    .selectFrom('assessment_ratings')
    .selectAll()
    .where('period_id', '=', key.period_id)
    .where('task_id', '=', key.task_id)
    .where('unit_id', '=', key.unit_id)
    .where('rater_id', '=', key.rater_id)
    .executeTakeFirst();
  if (existing) {
    return db
      .updateTable('assessment_ratings')
      .set({ rating: key.rating, comment: key.comment, updated_at: at, version: existing.version + 1 })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return db
    .insertInto('assessment_ratings')
    .values({ ...key, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A period's ratings, optionally of one task, in the order given (assessment_ratings_key leads with period_id). */
export function listRatingRows(db: Executor, periodId: number, taskId?: number): Promise<RatingRow[]> {
  let query = db.selectFrom('assessment_ratings').selectAll().where('period_id', '=', periodId);
  if (taskId !== undefined) query = query.where('task_id', '=', taskId);
  return query.orderBy('task_id').orderBy('unit_id').orderBy('id').execute();
}
