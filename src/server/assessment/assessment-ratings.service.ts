import type { RatingView } from '../../shared/assessment-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { inChargePaths } from '../tasks/task-access.js';
import { personNames } from '../users/people-names.repository.js';
import { assertDraft, requirePeriod } from './assessment.service.js';
import { canManageAssessment, requireRead } from './assessment-access.js';
import {
  findTaskUnit,
  isPeriodTask,
  listRatingRows,
  type RatingRow,
  upsertRatingRow,
} from './assessment-ratings.repository.js';

// Quality ratings (质量评价) of a unit's work on a task of the period, by the supervision office or by
// a leader for units in their charge; they count at the next computation (rule quality_rating).

async function presentRatings(db: Executor, rows: readonly RatingRow[]): Promise<RatingView[]> {
  const names = await personNames(
    db,
    rows.map((row) => row.rater_id),
  );
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    unitId: row.unit_id,
    raterId: row.rater_id,
    raterName: names.get(row.rater_id) ?? '',
    rating: row.rating,
    comment: row.comment,
    updatedAt: row.updated_at,
  }));
}

/** Rates a unit's work on one of the period's tasks; the rater's earlier rating of it is replaced. */
export async function rateUnit(
  db: Database,
  input: { periodId: number; taskId: number; unitId: number; rating: number; comment: string; actor: Actor },
): Promise<RatingView> {
  const isLeader = input.actor.roles.has('leader');
  if ((!canManageAssessment(input.actor) && !isLeader) || input.actor.userId === null) throw new AppError('forbidden');
  return inTransaction(db, async (trx) => {
    const period = await requirePeriod(trx, input.periodId);
    assertDraft(period);
    if (period.computed_at === null) throw new AppError('period_not_computed');
    if (!(await isPeriodTask(trx, period.id, input.taskId)))
      throw new AppError('not_found', { object: 'task' }, 'taskId');
    const part = await findTaskUnit(trx, input.taskId, input.unitId);
    if (!part) throw new AppError('not_found', { object: 'unit' }, 'unitId');
    if (!canManageAssessment(input.actor)) {
      const paths = await inChargePaths(trx, input.actor);
      if (!paths.some((path) => part.unit_path.startsWith(path))) throw new AppError('forbidden');
    }
    const row = await upsertRatingRow(trx, {
      period_id: period.id,
      task_id: input.taskId,
      unit_id: input.unitId,
      rater_id: input.actor.userId as number,
      rating: input.rating,
      comment: input.comment,
      at: nowIso(),
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'assessment.rate',
      objectType: 'assessment_period',
      objectId: period.id,
      detail: { taskId: input.taskId, unitId: input.unitId, rating: input.rating },
    });
    const [view] = await presentRatings(trx, [row]);
    if (!view) throw new Error('presentRatings lost a row');
    return view;
  });
}

/** The period's ratings, optionally of one task. */
export async function listRatings(
  db: Database,
  input: { periodId: number; taskId?: number | undefined; actor: Actor },
): Promise<RatingView[]> {
  requireRead(input.actor);
  const period = await requirePeriod(db, input.periodId);
  return presentRatings(db, await listRatingRows(db, period.id, input.taskId));
}
