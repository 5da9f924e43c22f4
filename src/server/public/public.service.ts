import { PUBLIC_LIMITS, type PublicTask, type PublicTaskPage, type PublicTasksQuery } from '../../shared/public-api.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { presentPublicSummary } from './public.presenter.js';
import {
  findPublicTaskRow,
  findRatingStats,
  findUnitNames,
  findUnitPath,
  listApprovedCommentRows,
  listPublicLeadPaths,
  listPublicSubtaskRows,
  listPublicSummaryRows,
  listPublicTaskRows,
} from './public.repository.js';

// What anonymous visitors read: public tasks (never drafts or cancelled ones), each with the
// public summaries of its accepted reports, its public subtasks and the approved ratings. Nothing
// here takes an actor: the answer is the same for everyone, which is what lets it be cached.

/** Ids on a materialised path `/1/7/42/` → [1, 7, 42]. */
function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => Number(part));
}

/** One page of public tasks, searched and filtered by lead unit subtree, with the area filter's units. */
export async function listPublicTasks(deps: { db: Database }, query: PublicTasksQuery): Promise<PublicTaskPage> {
  const pageSize = PUBLIC_LIMITS.pageSize;
  const unitPath = query.unitId ? await findUnitPath(deps.db, query.unitId) : undefined;
  const [{ rows, total }, paths] = await Promise.all([
    query.unitId && !unitPath
      ? Promise.resolve({ rows: [], total: 0 })
      : listPublicTaskRows(deps.db, { q: query.q, unitPath, offset: (query.page - 1) * pageSize, limit: pageSize }),
    listPublicLeadPaths(deps.db),
  ]);
  const unitIds = [...new Set(paths.flatMap(idsOnPath))];
  const units = await findUnitNames(deps.db, unitIds);
  return {
    items: rows.map(presentPublicSummary),
    page: query.page,
    pageSize,
    total,
    units: units.map((unit) => ({ id: unit.id, name: unit.name, depth: unit.depth })),
  };
}

/** A public task as the public sees it; 404 when it does not exist, is not public, a draft or cancelled. */
export async function getPublicTask(deps: { db: Database }, taskId: number): Promise<PublicTask> {
  const row = await findPublicTaskRow(deps.db, taskId);
  if (!row) throw new AppError('not_found', { object: 'task' });
  const [summaries, subtasks, stats, comments] = await Promise.all([
    listPublicSummaryRows(deps.db, taskId, PUBLIC_LIMITS.timelineMax),
    listPublicSubtaskRows(deps.db, taskId),
    findRatingStats(deps.db, taskId),
    listApprovedCommentRows(deps.db, taskId, PUBLIC_LIMITS.commentsShown),
  ]);
  return {
    ...presentPublicSummary(row),
    description: row.description,
    timeline: summaries
      .filter((summary) => summary.public_summary?.trim())
      .map((summary) => ({ date: summary.period_end, text: summary.public_summary as string })),
    subtasks: subtasks.map(presentPublicSummary),
    ratings: {
      average: stats.count === 0 ? null : Math.round((stats.sum / stats.count) * 10) / 10,
      count: stats.count,
    },
    comments: comments.map((comment) => ({
      date: comment.created_at.slice(0, 10),
      rating: comment.rating,
      text: comment.comment as string,
    })),
  };
}
