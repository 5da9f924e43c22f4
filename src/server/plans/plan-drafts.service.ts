import { isEditableReview, type ReviewStatus } from '../../domain/review-flow.js';
import type { Locale } from '../../shared/locales.js';
import type { PlanContentInput, PlanPartContentInput, PlanStatus } from '../../shared/plans-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { ownPartUnitId, planContextOf, requireActivePlanTask, requirePlanTask } from './plan-access.js';
import { preparePartContent, preparePlanContent } from './plan-content.js';
import { createRevision } from './plan-review.service.js';
import { planStatusName } from './plan-terms.js';
import {
  findLatestPlanRow,
  findPlanPartRow,
  insertPlanPartRow,
  insertPlanRow,
  lockPlanRow,
  updatePlanPartRow,
  updatePlanRow,
} from './plans.repository.js';

// Writing a plan's content: the lead unit's staff create and edit the draft (saving an accepted
// plan starts its next version); each cooperating unit's staff write their own unit's part while
// the version is a draft or returned.

/** Two people creating the same version at once: the loser's request is stale. */
async function staleOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('version_conflict', { object: 'plan' });
    throw error;
  }
}

function notEditable(locale: Locale, status: PlanStatus): AppError {
  return new AppError('plan_not_editable', { planStatus: planStatusName(locale, status) });
}

/**
 * Creates the task's plan (version 0: none read yet), saves its draft, or — on an accepted plan —
 * opens the next version with this content. Lead unit staff only; 409 when stale.
 */
export async function savePlan(
  db: Database,
  input: PlanContentInput & { taskId: number; version: number; actor: Actor; locale: Locale },
): Promise<void> {
  const { actor, locale } = input;
  await staleOnDuplicate(() =>
    inTransaction(db, async (trx) => {
      const scope = await requirePlanTask(trx, actor, input.taskId);
      if (!scope.roles.includes('staff')) throw new AppError('forbidden');
      requireActivePlanTask(scope.task);
      const latest = await findLatestPlanRow(trx, input.taskId);
      if ((latest?.version ?? 0) !== input.version) throw new AppError('version_conflict', { object: 'plan' });
      const status = latest?.status as PlanStatus | undefined;
      if (latest && status !== 'accepted' && !isEditableReview(status as ReviewStatus))
        throw notEditable(locale, latest.status as PlanStatus);
      const content = preparePlanContent(input, planContextOf(scope.task, scope.units), locale);
      const now = nowIso();
      let plan = latest;
      if (!latest) {
        plan = await insertPlanRow(trx, {
          task_id: input.taskId,
          version_no: 1,
          status: 'draft',
          content: JSON.stringify(content),
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
          submitted_at: null,
          decided_at: null,
          version: 1,
        });
      } else if (status === 'accepted') {
        plan = await createRevision(trx, { scope, accepted: latest, content, actor, now });
      } else {
        plan = await updatePlanRow(trx, latest.id, latest.version, {
          content: JSON.stringify(content),
          updated_by: actor.userId,
          updated_at: now,
        });
        if (!plan) throw new AppError('version_conflict', { object: 'plan' });
      }
      await insertAuditEntry(trx, actor, {
        action: latest ? 'plan.update' : 'plan.create',
        objectType: 'plan',
        objectId: plan.id,
        detail: { taskId: input.taskId, versionNo: plan.version_no },
      });
    }),
  );
}

/**
 * Saves a cooperating unit's part of the task's newest plan version (version 0: the unit has none
 * yet). Only that unit's staff, only while the version is a draft or returned.
 */
export async function savePlanPart(
  db: Database,
  input: PlanPartContentInput & { taskId: number; unitId: number; version: number; actor: Actor; locale: Locale },
): Promise<void> {
  const { actor, locale } = input;
  await staleOnDuplicate(() =>
    inTransaction(db, async (trx) => {
      const scope = await requirePlanTask(trx, actor, input.taskId);
      const unit = scope.units.find((u) => u.unit_id === input.unitId && u.role === 'cooperating');
      if (!unit) throw new AppError('not_found', { object: 'planPart' });
      if (ownPartUnitId(actor, scope) !== input.unitId) throw new AppError('forbidden');
      requireActivePlanTask(scope.task);
      const latest = await findLatestPlanRow(trx, input.taskId);
      if (!latest) throw new AppError('not_found', { object: 'plan' });
      const plan = await lockPlanRow(trx, latest.id);
      if (!plan || !isEditableReview(plan.status as ReviewStatus))
        throw notEditable(locale, latest.status as PlanStatus);
      const part = await findPlanPartRow(trx, plan.id, input.unitId);
      if ((part?.version ?? 0) !== input.version) throw new AppError('version_conflict', { object: 'planPart' });
      const content = JSON.stringify(preparePartContent(input, planContextOf(scope.task, scope.units), locale));
      const now = nowIso();
      const values = { content, updated_by: actor.userId, updated_at: now };
      const saved = part
        ? await updatePlanPartRow(trx, { planId: plan.id, unitId: input.unitId, version: part.version }, values)
        : await insertPlanPartRow(trx, { plan_id: plan.id, unit_id: input.unitId, ...values, version: 1 });
      if (!saved) throw new AppError('version_conflict', { object: 'planPart' });
      await insertAuditEntry(trx, actor, {
        action: 'plan.part_update',
        objectType: 'plan',
        objectId: plan.id,
        detail: { taskId: input.taskId, versionNo: plan.version_no, unitId: input.unitId },
      });
    }),
  );
}
