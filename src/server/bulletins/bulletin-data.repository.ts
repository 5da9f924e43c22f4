import type { Executor } from '../db/connect.js';

// The facts a bulletin is generated from, read straight from the tables of the features that own
// them (assessment periods and results, reviews, cases, tasks, extensions): no service of theirs is
// called, so a bulletin depends only on what is stored.

export interface PeriodFacts {
  id: number;
  name: string;
  status: string;
  computedAt: string | null;
}

export async function findPeriod(db: Executor, id: number): Promise<PeriodFacts | undefined> {
  const row = await db
    .selectFrom('assessment_periods')
    .select(['id', 'name', 'status', 'computed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, status: row.status, computedAt: row.computed_at };
}

/** The latest frozen (published) period that ended by `asOf`: a date bulletin's league table comes from it. */
export async function findLatestFrozenPeriod(db: Executor, asOf: string): Promise<PeriodFacts | undefined> {
  const row = await db
    .selectFrom('assessment_periods')
    .select(['id', 'name', 'status', 'computed_at'])
    .where('status', '=', 'frozen')
    .where('ends_on', '<=', asOf)
    .orderBy('ends_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, status: row.status, computedAt: row.computed_at };
}

/** The period's stored lead-unit results, best first (primary key period_id, unit_id, role). */
export function listLeadResults(db: Executor, periodId: number) {
  return db
    .selectFrom('assessment_results')
    .innerJoin('units', 'units.id', 'assessment_results.unit_id')
    .select(['assessment_results.unit_id', 'units.name', 'score', 'rank', 'task_count'])
    .where('period_id', '=', periodId)
    .where('role', '=', 'lead')
    .orderBy('rank')
    .orderBy('units.name')
    .execute();
}

/** A task counted in the figures: its state, dates, light and lead unit. */
export interface FigureTask {
  id: number;
  number: string;
  title: string;
  status: string;
  deadline: string | null;
  closed_at: string | null;
  health_light: string | null;
  lead_unit_id: number | null;
  lead_unit_name: string | null;
}

/**
 * The tasks a bulletin counts: a period's tasks (assessment_tasks), or for a date every registered
 * task of kind `task`; drafts and cancelled tasks never count.
 */
export function listFigureTasks(db: Executor, scope: { periodId: number | null }): Promise<FigureTask[]> {
  let query = db
    .selectFrom('tasks')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id',
      'tasks.number',
      'tasks.title',
      'tasks.status',
      'tasks.deadline',
      'tasks.closed_at',
      'tasks.health_light',
      'tasks.lead_unit_id',
      'units.name as lead_unit_name',
    ])
    .where('tasks.status', 'not in', ['draft', 'cancelled']);
  if (scope.periodId !== null) {
    const periodId = scope.periodId;
    query = query.where('tasks.id', 'in', (eb) =>
      eb.selectFrom('assessment_tasks').select('task_id').where('period_id', '=', periodId),
    );
  } else {
    query = query.where('tasks.kind', '=', 'task');
  }
  return query.orderBy('tasks.id').execute();
}

/** Of these tasks, those with an approved extension (their lateness is not "without extension"). */
export async function tasksWithApprovedExtension(db: Executor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('extension_requests')
    .select('task_id')
    .distinct()
    .where('task_id', 'in', [...taskIds])
    .where('status', '=', 'approved')
    .execute();
  return new Set(rows.map((row) => row.task_id));
}

/** Published cases of a kind: of the period, or (no period) all, newest first; the caller filters by date. */
export function listPublishedCases(db: Executor, input: { periodId: number | null }) {
  let query = db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .select([
      'cases.id',
      'cases.kind',
      'cases.title',
      'cases.summary',
      'cases.task_id',
      'cases.unit_id',
      'cases.published_at',
      'units.name as unit_name',
    ])
    .where('cases.status', '=', 'published');
  if (input.periodId !== null) query = query.where('cases.period_id', '=', input.periodId);
  return query.orderBy('cases.published_at', 'desc').orderBy('cases.id', 'desc').limit(200).execute();
}

/** The period's reviewed tasks marked as exemplary candidates, with their practices and lead unit. */
export function listExemplaryReviews(db: Executor, periodId: number) {
  return db
    .selectFrom('assessment_reviews')
    .innerJoin('tasks', 'tasks.id', 'assessment_reviews.task_id')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id as task_id',
      'tasks.number',
      'tasks.title',
      'tasks.lead_unit_id',
      'units.name as unit_name',
      'assessment_reviews.practices',
    ])
    .where('assessment_reviews.period_id', '=', periodId)
    .where('assessment_reviews.exemplary_candidate', '=', 1)
    .orderBy('tasks.number')
    .limit(100)
    .execute();
}
