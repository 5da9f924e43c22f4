import { acknowledgeMovesTask, decideTransition } from '../../domain/task-lifecycle.js';
import { addWorkingDays } from '../../domain/working-days.js';
import type { TaskAction, TaskRelation, TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import { countOpenChildren } from '../closure/closure.repository.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { notify } from '../notifications/notifications.service.js';
import { holdForPlan } from '../plans/plan-gate.js';
import { requireVisibleTask } from './task-access.js';
import { type TaskClock, taskClock } from './task-clock.js';
import { recordTaskChange } from './task-history.js';
import {
  findTaskRow,
  markUnitAcknowledged,
  type TaskChanges,
  type TaskRow,
  updateTaskRow,
} from './tasks.repository.js';
import type { TaskDeps } from './tasks.service.js';

/**
 * Moves a task through its lifecycle (src/domain/task-lifecycle.ts decides what is legal for whom).
 * Assigning computes a working-day deadline; acknowledging records the caller's unit and starts the
 * work when it is the lead unit. Every move is written to the task history and the audit trail.
 */
export async function transitionTask(deps: TaskDeps, input: TransitionInput): Promise<TaskRow> {
  const clock = await taskClock(deps.db, deps.config);
  return inTransaction(deps.db, (trx) => applyTransition(trx, clock, input));
}

export interface TransitionInput {
  taskId: number;
  action: TaskAction;
  version: number;
  reason?: string | null | undefined;
  actor: Actor;
  /**
   * Relations granted by a flow that has already checked the caller's right to take the action:
   * the closure review lets the task's confirming leader close or return it like the supervision
   * office (src/server/closure/).
   */
  grantedRelations?: readonly TaskRelation[];
}

/** One transition inside the caller's transaction (also used by bulk operations). */
export async function applyTransition(trx: Executor, clock: TaskClock, input: TransitionInput): Promise<TaskRow> {
  const visible = await requireVisibleTask(trx, input.actor, input.taskId);
  const { task, units } = visible;
  const relations = [...visible.relations, ...(input.grantedRelations ?? [])];
  if (task.version !== input.version) throw new AppError('version_conflict', { object: 'task', id: task.id });
  const status = task.status as TaskStatus;
  const decision = decideTransition({
    status,
    action: input.action,
    relations,
    reason: input.reason,
    suspendedFrom: task.suspended_from as TaskStatus | null,
  });
  if (!decision.ok) {
    if (decision.reason === 'illegal_transition') {
      throw new AppError(
        'illegal_transition',
        { status, action: input.action, allowed: decision.allowed.join(', ') || '—' },
        undefined,
        { allowed: decision.allowed },
      );
    }
    if (decision.reason === 'reason_required') throw new AppError('reason_required', {}, 'reason');
    throw new AppError('forbidden');
  }
  if (input.action === 'close' || input.action === 'request_closure') {
    // A parent is closed only when all its children are closed or cancelled.
    const open = await countOpenChildren(trx, task.id);
    if (open > 0) throw new AppError('children_open', { count: open });
  }
  const now = nowIso();
  const changes: TaskChanges = { status: decision.to, updated_at: now };
  if (input.action === 'assign') {
    if (!task.lead_unit_id) throw new AppError('lead_unit_required', {}, 'leadUnitId');
    changes.assigned_at = now;
    if (task.deadline_working_days) {
      changes.deadline = addWorkingDays(clock.calendar, clock.today, task.deadline_working_days);
      // The deadline as first set, kept when extensions later move `deadline`.
      changes.original_deadline = changes.deadline;
      const parent = task.parent_id ? await findTaskRow(trx, task.parent_id) : undefined;
      if (parent?.deadline && changes.deadline > parent.deadline) {
        throw new AppError(
          'deadline_after_parent',
          { deadline: changes.deadline, parentDeadline: parent.deadline },
          'deadline',
        );
      }
    }
  }
  if (input.action === 'acknowledge') {
    const unitId = input.actor.unitId;
    const own = units.find((u) => u.unit_id === unitId);
    if (!own || own.acknowledged_at)
      throw new AppError('illegal_transition', { status, action: input.action, allowed: '—' }, undefined, {
        allowed: [],
      });
    await markUnitAcknowledged(trx, task.id, own.unit_id, input.actor.userId, now);
    if (!acknowledgeMovesTask(status, relations)) changes.status = status;
  }
  // A key task may have to wait for an accepted plan (setting plans.requireAcceptedForKeyTasks).
  if (changes.status === 'in_progress') changes.status = await holdForPlan(trx, task, status, input.action);
  if (input.action === 'suspend') changes.suspended_from = status;
  if (input.action === 'resume') changes.suspended_from = null;
  if (input.action === 'close') Object.assign(changes, { closed_at: now, closed_on: clock.today });
  if (input.action === 'reopen') Object.assign(changes, { closed_at: null, closed_on: null });
  const updated = await updateTaskRow(trx, task.id, input.version, changes);
  if (!updated) throw new AppError('version_conflict', { object: 'task', id: task.id });
  await recordTaskChange(trx, input.actor, {
    taskId: task.id,
    action: input.action,
    at: now,
    fromStatus: status,
    toStatus: updated.status,
    reason: input.reason ?? null,
    ...(changes.deadline ? { detail: { deadline: changes.deadline } } : {}),
  });
  if (input.action === 'assign') {
    await notify(trx, {
      kind: 'task.assigned',
      taskId: task.id,
      unitIds: units.map((unit) => unit.unit_id),
      roles: ['unit_head', 'unit_staff'],
      actor: input.actor,
    });
  }
  return updated;
}
