import { type ReviewRole, reviewRolesOf } from '../../domain/review-flow.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { requireVisibleTask, type VisibleTask } from '../tasks/task-access.js';
import type { TaskRow, TaskUnitRow } from '../tasks/tasks.repository.js';
import type { PlanContext } from './plan-content.js';

/** Task statuses in which a plan may be drafted, edited and reviewed. */
const PLAN_TASK_STATUSES: readonly string[] = ['assigned', 'in_progress', 'returned'];

export interface PlanTask extends VisibleTask {
  /** The caller's part in the plan's review: staff/head of the lead unit, supervision. */
  roles: ReviewRole[];
}

/** A task the caller may see (404 otherwise), with their review roles for its plan. */
export async function requirePlanTask(db: Executor, actor: Actor, taskId: number): Promise<PlanTask> {
  const visible = await requireVisibleTask(db, actor, taskId);
  const leadUnitId = visible.task.lead_unit_id;
  const roles =
    leadUnitId === null
      ? reviewRolesOf({ roles: actor.roles, unitId: null, ownerUnitId: -1 })
      : reviewRolesOf({ roles: actor.roles, unitId: actor.unitId, ownerUnitId: leadUnitId });
  return { ...visible, roles };
}

/** True when the task's plan may be written to now. */
export function isPlanTaskActive(task: TaskRow): boolean {
  return PLAN_TASK_STATUSES.includes(task.status);
}

/** 409 unless the task is assigned, in progress or returned (not draft, suspended, closed…). */
export function requireActivePlanTask(task: TaskRow): void {
  if (!isPlanTaskActive(task)) throw new AppError('plan_task_inactive', { status: task.status });
}

/** The cooperating unit whose part the caller may write on this task, if any. */
export function ownPartUnitId(actor: Actor, scope: VisibleTask): number | null {
  if (!scope.relations.includes('cooperating_unit') || actor.unitId === null) return null;
  return actor.unitId;
}

/** What plan content is checked against: the task's deadline and units. */
export function planContextOf(task: TaskRow, units: readonly TaskUnitRow[]): PlanContext {
  return { deadline: task.deadline, unitIds: units.map((unit) => unit.unit_id) };
}
