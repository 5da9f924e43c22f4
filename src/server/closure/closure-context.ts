import { reviewRolesOf } from '../../domain/review-flow.js';
import type { ClosureSnapshot, TargetResult } from '../../shared/closure-api.js';
import { type PlanTarget, planContentSchema } from '../../shared/plans-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { inChargePaths, type VisibleTask } from '../tasks/task-access.js';
import type { ClosureApplicationRow } from './closure.repository.js';
import { countOpenChildren, findAcceptedPlanContent } from './closure.repository.js';
import type { ClosureRole } from './closure-flow.js';
import { getClosureSettings } from './closure-settings.service.js';

// What the closure services need to know about a task and a caller, read in one place.

/** Task statuses from which closure can be applied for (the lifecycle's `request_closure`). */
export const APPLICABLE_TASK_STATUSES: readonly string[] = ['in_progress', 'returned'];

/**
 * How the caller stands to the task's closure: `staff`/`head` of the lead unit, `supervision`,
 * and `leader` when they are the task's responsible leader — or, when the task names none, a
 * leader in charge of the lead unit (or a unit above it).
 */
export async function closureRolesOf(db: Executor, actor: Actor, visible: VisibleTask): Promise<ClosureRole[]> {
  const { task } = visible;
  const roles: ClosureRole[] =
    task.lead_unit_id === null
      ? reviewRolesOf({ roles: actor.roles, unitId: null, ownerUnitId: 0 })
      : reviewRolesOf({ roles: actor.roles, unitId: actor.unitId, ownerUnitId: task.lead_unit_id });
  if (!actor.roles.has('leader') || actor.userId === null) return roles;
  if (task.responsible_leader_id !== null) {
    if (task.responsible_leader_id === actor.userId) roles.push('leader');
    return roles;
  }
  const leadPath = task.lead_unit_path;
  if (leadPath && (await inChargePaths(db, actor)).some((path) => leadPath.startsWith(path))) roles.push('leader');
  return roles;
}

/** Whether an accepted closure of this task goes on to a leader's confirmation. */
export async function leaderConfirms(db: Executor, task: VisibleTask['task']): Promise<boolean> {
  return task.is_key === 1 && (await getClosureSettings(db)).leaderConfirmsKeyTasks;
}

/** The accepted plan's targets (none without an accepted plan). */
export async function acceptedPlanTargets(db: Executor, taskId: number): Promise<PlanTarget[]> {
  const json = await findAcceptedPlanContent(db, taskId);
  if (!json) return [];
  try {
    const parsed = planContentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.targets : [];
  } catch {
    return [];
  }
}

/** 409 children_open unless every child of the task is closed or cancelled. */
export async function assertChildrenDone(db: Executor, taskId: number): Promise<void> {
  const open = await countOpenChildren(db, taskId);
  if (open > 0) throw new AppError('children_open', { count: open });
}

/** The stored target results, read leniently. */
export function parseTargetResults(json: string): TargetResult[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as TargetResult[]) : [];
  } catch {
    return [];
  }
}

/** The application's content as a round keeps it. */
export function snapshotOf(row: ClosureApplicationRow, fileIds: readonly number[]): ClosureSnapshot {
  return { summary: row.summary, targetResults: parseTargetResults(row.target_results), fileIds: [...fileIds] };
}
