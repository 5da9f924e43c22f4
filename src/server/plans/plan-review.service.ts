import { decideReview, type ReviewStatus, reviewActionsFrom } from '../../domain/review-flow.js';
import type { Locale } from '../../shared/locales.js';
import type { PlanAction, PlanContent, PlanSnapshot, PlanStatus } from '../../shared/plans-api.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { type PlanTask, requireActivePlanTask, requirePlanTask } from './plan-access.js';
import { startHeldTask } from './plan-gate.js';
import { announcePlanStep } from './plan-notices.js';
import { planActionNames, planStatusName } from './plan-terms.js';
import {
  copyPlanParts,
  findAcceptedPlanRow,
  findLatestPlanRow,
  insertPlanRound,
  insertPlanRow,
  listPlanPartRows,
  type PlanChanges,
  type PlanRow,
  updatePlanRow,
} from './plans.repository.js';

// The plan's review (src/domain/review-flow.ts): submit → unit head approves → supervision accepts
// or returns with a reason; and revising an accepted plan as a new version. Every step is a round
// on the version, an entry on the task's timeline and in the audit trail, and a notification.

/** The lead content and every part of a version as they stand now: what a round keeps. */
async function snapshotOf(db: Executor, plan: PlanRow, content?: PlanContent): Promise<PlanSnapshot> {
  const parts = await listPlanPartRows(db, plan.id);
  return {
    content: content ?? (JSON.parse(plan.content) as PlanContent),
    parts: parts.map((part) => ({ unitId: part.unit_id, content: JSON.parse(part.content) })),
  };
}

/**
 * Opens version n+1 of an accepted plan as a draft: its content (the accepted one unless given),
 * its parts copied, a `revise` round and a `plan_revised` entry on the task's timeline.
 */
export async function createRevision(
  trx: Executor,
  input: { scope: PlanTask; accepted: PlanRow; content?: PlanContent; actor: Actor; now: string },
): Promise<PlanRow> {
  const { accepted, actor, now } = input;
  const content = input.content ?? (JSON.parse(accepted.content) as PlanContent);
  const revision = await insertPlanRow(trx, {
    task_id: accepted.task_id,
    version_no: accepted.version_no + 1,
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
  await copyPlanParts(trx, accepted.id, revision.id, actor.userId, now);
  await insertPlanRound(trx, {
    plan_id: revision.id,
    at: now,
    actor_user_id: actor.userId,
    action: 'revise',
    reason: null,
    snapshot: JSON.stringify(await snapshotOf(trx, revision, content)),
  });
  await recordTaskChange(trx, actor, {
    taskId: accepted.task_id,
    action: 'plan_revised',
    at: now,
    detail: { planId: revision.id, versionNo: revision.version_no, fromVersionNo: accepted.version_no },
  });
  return revision;
}

function illegal(locale: Locale, status: PlanStatus, action: PlanAction, allowed: PlanAction[]): AppError {
  return new AppError(
    'plan_action_illegal',
    {
      planStatus: planStatusName(locale, status),
      planAction: planActionNames(locale, [action]),
      actions: planActionNames(locale, allowed),
    },
    'action',
    { allowed },
  );
}

/** The legal actions from a plan status, whoever asks. */
function legalFrom(status: PlanStatus): PlanAction[] {
  if (status === 'accepted') return ['revise'];
  if (status === 'superseded') return [];
  return reviewActionsFrom(status);
}

export interface PlanActionInput {
  taskId: number;
  action: PlanAction;
  reason?: string | null | undefined;
  version: number;
  actor: Actor;
  locale: Locale;
}

/** Takes one review step on the task's newest plan version (or revises an accepted one). */
export async function applyPlanAction(db: Database, input: PlanActionInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    const scope = await requirePlanTask(trx, input.actor, input.taskId);
    const plan = await findLatestPlanRow(trx, input.taskId);
    if (!plan) throw new AppError('not_found', { object: 'plan' });
    if (plan.version !== input.version) throw new AppError('version_conflict', { object: 'plan' });
    requireActivePlanTask(scope.task);
    const status = plan.status as PlanStatus;
    const now = nowIso();
    if (input.action === 'revise') {
      if (status !== 'accepted') throw illegal(input.locale, status, input.action, legalFrom(status));
      if (!scope.roles.includes('staff')) throw new AppError('forbidden');
      await createRevision(trx, { scope, accepted: plan, actor: input.actor, now });
      return;
    }
    if (status === 'accepted' || status === 'superseded')
      throw illegal(input.locale, status, input.action, legalFrom(status));
    const decision = decideReview({
      status: status as ReviewStatus,
      action: input.action,
      roles: scope.roles,
      reason: input.reason,
    });
    if (!decision.ok) {
      if (decision.reason === 'illegal_action') throw illegal(input.locale, status, input.action, decision.allowed);
      if (decision.reason === 'reason_required') throw new AppError('reason_required', {}, 'reason');
      throw new AppError('forbidden');
    }
    const reason = decision.needsReason ? (input.reason?.trim() ?? null) : null;
    const step = { scope, action: input.action, to: decision.to, reason, actor: input.actor, now };
    const updated = await stepPlan(trx, { ...step, plan });
    // A unit head submitting their own unit's plan approves it at the same time: recorded as such.
    if (decision.impliedApproval) await recordStep(trx, { ...step, plan: updated, action: 'approve' });
  });
}

interface Step {
  scope: PlanTask;
  plan: PlanRow;
  action: Exclude<PlanAction, 'revise'>;
  to: ReviewStatus;
  reason: string | null;
  actor: Actor;
  now: string;
}

/** Moves the version to its new status, then records and announces the step. */
async function stepPlan(trx: Executor, step: Step): Promise<PlanRow> {
  const { plan, now } = step;
  const changes: PlanChanges = { status: step.to, updated_at: now, updated_by: step.actor.userId };
  if (step.action === 'submit') changes.submitted_at = now;
  if (step.to === 'accepted' || step.to === 'returned') changes.decided_at = now;
  if (step.to === 'accepted') {
    // The version in force steps aside first: at most one accepted version (plans_accepted_uq).
    const previous = await findAcceptedPlanRow(trx, plan.task_id);
    if (previous && previous.id !== plan.id)
      await updatePlanRow(trx, previous.id, previous.version, { status: 'superseded' });
  }
  const updated = await updatePlanRow(trx, plan.id, plan.version, changes);
  if (!updated) throw new AppError('version_conflict', { object: 'plan' });
  await recordStep(trx, { ...step, plan: updated });
  await announcePlanStep(trx, { ...step, plan: updated });
  return updated;
}

const TIMELINE_ACTIONS: Record<Step['action'], string> = {
  submit: 'plan_submitted',
  approve: 'plan_approved',
  return: 'plan_returned',
  accept: 'plan_accepted',
};

/** The round on the version and the entry on the task's timeline (and audit trail). */
async function recordStep(trx: Executor, step: Omit<Step, 'to'>): Promise<void> {
  const { plan, now, actor } = step;
  const snapshot = step.action === 'submit' ? JSON.stringify(await snapshotOf(trx, plan)) : null;
  await insertPlanRound(trx, {
    plan_id: plan.id,
    at: now,
    actor_user_id: actor.userId,
    action: step.action,
    reason: step.reason,
    snapshot,
  });
  const started = step.action === 'accept' && (await startHeldTask(trx, plan.task_id, now));
  await recordTaskChange(trx, actor, {
    taskId: plan.task_id,
    action: TIMELINE_ACTIONS[step.action],
    at: now,
    reason: step.reason,
    ...(started ? { fromStatus: 'assigned', toStatus: 'in_progress' } : {}),
    detail: { planId: plan.id, versionNo: plan.version_no, planStatus: plan.status },
  });
}
