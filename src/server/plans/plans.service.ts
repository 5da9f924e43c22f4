import { diffPlans, type PlanDiff } from '../../domain/plan-diff.js';
import {
  availableReviewActions,
  isEditableReview,
  type ReviewRole,
  type ReviewStatus,
} from '../../domain/review-flow.js';
import type { PlanAction, PlanContent, PlanView } from '../../shared/plans-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { presentPlan, presentPlanSummary } from './plan.presenter.js';
import { isPlanTaskActive, ownPartUnitId, type PlanTask, requirePlanTask } from './plan-access.js';
import {
  findAcceptedPlanRow,
  findLatestPlanRow,
  findPlanVersionRow,
  listPlanVersionRows,
  type PlanRow,
} from './plans.repository.js';

// Reading plans: the current version with what the caller may do, old versions, and diffs. Anyone
// who may see the task may read its plan; everyone else gets the task's 404.

/** A task's plan as `GET /tasks/:id/plan` answers it. */
export interface TaskPlanView {
  plan: PlanView | null;
  acceptedVersionNo: number | null;
  allowedActions: PlanAction[];
  canEdit: boolean;
  editablePartUnitIds: number[];
}

/** The plan actions someone with these roles may take on the task's newest plan version. */
export function planActionsFor(plan: PlanRow | undefined, roles: readonly ReviewRole[], active: boolean): PlanAction[] {
  if (!plan || !active) return [];
  if (plan.status === 'accepted') return roles.includes('staff') ? ['revise'] : [];
  if (plan.status === 'superseded') return [];
  return availableReviewActions(plan.status as ReviewStatus, roles);
}

/** True when the lead unit's staff may save content now (a first draft, a draft, a returned or an accepted plan). */
function mayEditContent(plan: PlanRow | undefined, scope: PlanTask): boolean {
  if (!isPlanTaskActive(scope.task) || !scope.roles.includes('staff')) return false;
  return !plan || plan.status === 'accepted' || isEditableReview(plan.status as ReviewStatus);
}

/** The task's plan view for this caller, inside an open connection or transaction. */
export async function loadTaskPlan(db: Executor, actor: Actor, scope: PlanTask): Promise<TaskPlanView> {
  const [latest, accepted] = await Promise.all([
    findLatestPlanRow(db, scope.task.id),
    findAcceptedPlanRow(db, scope.task.id),
  ]);
  const active = isPlanTaskActive(scope.task);
  const partUnit = ownPartUnitId(actor, scope);
  const partsOpen = active && latest !== undefined && isEditableReview(latest.status as ReviewStatus);
  return {
    plan: latest ? await presentPlan(db, latest) : null,
    acceptedVersionNo: accepted?.version_no ?? null,
    allowedActions: planActionsFor(latest, scope.roles, active),
    canEdit: mayEditContent(latest, scope),
    editablePartUnitIds: partsOpen && partUnit !== null ? [partUnit] : [],
  };
}

/** `GET /tasks/:id/plan`. */
export async function getTaskPlan(db: Database, input: { taskId: number; actor: Actor }): Promise<TaskPlanView> {
  const scope = await requirePlanTask(db, input.actor, input.taskId);
  return loadTaskPlan(db, input.actor, scope);
}

/** Every version of the task's plan, newest first. */
export async function listPlanVersions(db: Database, input: { taskId: number; actor: Actor }) {
  await requirePlanTask(db, input.actor, input.taskId);
  return (await listPlanVersionRows(db, input.taskId)).map(presentPlanSummary);
}

async function requireVersion(db: Executor, taskId: number, versionNo: number): Promise<PlanRow> {
  const row = await findPlanVersionRow(db, taskId, versionNo);
  if (!row) throw new AppError('not_found', { object: 'plan' });
  return row;
}

/** One version of the task's plan, old ones included. */
export async function getPlanVersion(
  db: Database,
  input: { taskId: number; versionNo: number; actor: Actor },
): Promise<PlanView> {
  await requirePlanTask(db, input.actor, input.taskId);
  return presentPlan(db, await requireVersion(db, input.taskId, input.versionNo));
}

/** What changed from version `versionNo` to version `otherNo` of the task's plan. */
export async function diffPlanVersions(
  db: Database,
  input: { taskId: number; versionNo: number; otherNo: number; actor: Actor },
): Promise<{ from: number; to: number; diff: PlanDiff }> {
  await requirePlanTask(db, input.actor, input.taskId);
  const [from, to] = await Promise.all([
    requireVersion(db, input.taskId, input.versionNo),
    requireVersion(db, input.taskId, input.otherNo),
  ]);
  const diff = diffPlans(JSON.parse(from.content) as PlanContent, JSON.parse(to.content) as PlanContent);
  return { from: from.version_no, to: to.version_no, diff };
}

/** The plan version in force for a task, as other features use it. */
export interface AcceptedPlan {
  planId: number;
  versionNo: number;
  content: PlanContent;
}

/**
 * The task's accepted plan (its targets and milestones, by the ids reports refer to, and its
 * progress basis), or null when none has been accepted. No access check: for services that have
 * already checked the caller's access to the task (reports, closure, progress roll-up).
 */
export async function findAcceptedPlan(db: Executor, taskId: number): Promise<AcceptedPlan | null> {
  const row = await findAcceptedPlanRow(db, taskId);
  if (!row) return null;
  return { planId: row.id, versionNo: row.version_no, content: JSON.parse(row.content) as PlanContent };
}
