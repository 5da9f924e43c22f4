import type { ReviewStatus } from '../../domain/review-flow.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import type { PlanTask } from './plan-access.js';
import type { PlanRow } from './plans.repository.js';

/** One review step that has just happened to a plan version. */
export interface PlanStep {
  scope: PlanTask;
  plan: PlanRow;
  to: ReviewStatus;
  reason: string | null;
  actor: Actor;
}

/** Tells whoever acts next, or the unit, what happened. */
export async function announcePlanStep(trx: Executor, step: PlanStep): Promise<void> {
  const { plan, scope, actor } = step;
  const leadUnitIds = scope.task.lead_unit_id === null ? [] : [scope.task.lead_unit_id];
  const base = { taskId: plan.task_id, subjectType: 'plan', subjectId: plan.id, actor };
  if (step.to === 'pending_head')
    await notify(trx, { ...base, kind: 'plan.pending_head', unitIds: leadUnitIds, roles: ['unit_head'] });
  if (step.to === 'pending_supervisor')
    await notify(trx, { ...base, kind: 'plan.pending_supervisor', roles: ['supervisor'] });
  if (step.to === 'returned')
    await notify(trx, {
      ...base,
      kind: 'plan.returned',
      unitIds: leadUnitIds,
      roles: ['unit_head', 'unit_staff'],
      params: { reason: step.reason },
    });
  if (step.to === 'accepted')
    await notify(trx, {
      ...base,
      kind: 'plan.accepted',
      unitIds: scope.units.map((unit) => unit.unit_id),
      roles: ['unit_head', 'unit_staff'],
    });
}
