import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/connect.js';

// Every query of the anonymous pages. Each one starts from `tasks.is_public = 1` written as a
// literal (not a bound parameter) so SQLite may use the partial indexes of migration 0015, and
// each names the only columns the public may see — no `selectAll` here, ever.

/** Drafts and cancelled tasks never appear publicly, whatever their flag. */
const HIDDEN_STATUSES = ['draft', 'cancelled'];

export interface PublicTaskRow {
  id: number;
  number: string;
  title: string;
  lead_unit_id: number | null;
  lead_unit_name: string | null;
  deadline: string | null;
  status: string;
  progress: number;
  health_light: string | null;
}

function publicTasks(db: Executor) {
  return db
    .selectFrom('tasks')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .where('tasks.is_public', '=', sql.lit(1))
    .where('tasks.status', 'not in', HIDDEN_STATUSES);
}

const summaryColumns = [
  'tasks.id',
  'tasks.number',
  'tasks.title',
  'tasks.lead_unit_id',
  'units.name as lead_unit_name',
  'tasks.deadline',
  'tasks.status',
  'tasks.progress',
  'tasks.health_light',
] as const;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PublicListFilter {
  q?: string | undefined;
  /** Lead unit subtree: the unit's materialised path. */
  unitPath?: string | undefined;
  offset: number;
  limit: number;
}

function filtered(db: Executor, filter: PublicListFilter) {
  let query = publicTasks(db);
  if (filter.unitPath) query = query.where('tasks.lead_unit_path', 'like', `${filter.unitPath}%`);
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    query = query.where(
      sql<SqlBool>`(tasks.number like ${pattern} escape '\\' or tasks.title like ${pattern} escape '\\')`,
    );
  }
  return query;
}

/**
 * One page of public tasks, newest first, and how many match. Served by tasks_public_idx (lead
 * unit subtree as a prefix range) or tasks_public_id_idx (no area): both hold public tasks only,
 * so the search reads just those rows.
 */
export async function listPublicTaskRows(
  db: Executor,
  filter: PublicListFilter,
): Promise<{ rows: PublicTaskRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select(summaryColumns)
      .orderBy('tasks.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The lead unit paths of all public tasks (tasks_public_idx covers it): the area filter's units. */
export async function listPublicLeadPaths(db: Executor): Promise<string[]> {
  const rows = await publicTasks(db)
    .select('tasks.lead_unit_path')
    .distinct()
    .where('tasks.lead_unit_path', 'is not', null)
    .execute();
  return rows.map((row) => row.lead_unit_path as string);
}

/** Units by id, with name and depth (for the area filter). */
export function findUnitNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'depth', 'path'])
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .orderBy('path')
    .execute();
}

/** A unit's materialised path, or undefined. */
export async function findUnitPath(db: Executor, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path;
}

/** One public task with its description (primary key; the filter hides drafts, cancelled and private tasks). */
export function findPublicTaskRow(db: Executor, id: number) {
  return publicTasks(db)
    .select([...summaryColumns, 'tasks.description'])
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

/** A public task's public subtasks, in number order (tasks_parent_idx). */
export function listPublicSubtaskRows(db: Executor, parentId: number): Promise<PublicTaskRow[]> {
  return publicTasks(db).select(summaryColumns).where('tasks.parent_id', '=', parentId).orderBy('tasks.id').execute();
}

/**
 * The public summaries of a task's accepted reports, newest period first (reports_task_status_idx).
 * Only the summary and the period's end are read: nothing internal is even fetched.
 */
export function listPublicSummaryRows(db: Executor, taskId: number, limit: number) {
  return db
    .selectFrom('reports')
    .select(['period_end', 'public_summary'])
    .where('task_id', '=', taskId)
    .where('status', '=', 'accepted')
    .where('public_summary', 'is not', null)
    .orderBy('period_end', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Average and count of a task's approved ratings (public_ratings_task_idx). */
export async function findRatingStats(db: Executor, taskId: number): Promise<{ sum: number; count: number }> {
  const row = await db
    .selectFrom('public_ratings')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('rating').as('total')])
    .where('task_id', '=', taskId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return { sum: Number(row.total ?? 0), count: Number(row.n) };
}

/** A task's latest approved comments (public_ratings_task_idx). */
export function listApprovedCommentRows(db: Executor, taskId: number, limit: number) {
  return db
    .selectFrom('public_ratings')
    .select(['created_at', 'rating', 'comment'])
    .where('task_id', '=', taskId)
    .where('status', '=', 'approved')
    .where('comment', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
