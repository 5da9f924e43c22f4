import type { TaskAction, TaskStatus } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findTaskRow, listTaskUnitRows, type TaskRow, updateTaskRow } from '../tasks/tasks.repository.js';
import { getPlanSettings } from './plan-settings.service.js';
import { hasAcceptedPlan } from './plans.repository.js';

// The optional rule "a key task cannot start until its plan is accepted" (setting
// plans.requireAcceptedForKeyTasks). The lead unit's acknowledgement still counts but holds the
// task at `assigned`; accepting its first plan then starts it.

/** True when the task may not be in progress yet: key, the setting on, and no plan ever accepted. */
export async function isWaitingForPlan(db: Executor, task: TaskRow): Promise<boolean> {
  if (!task.is_key) return false;
  if (!(await getPlanSettings(db)).requireAcceptedForKeyTasks) return false;
  return !(await hasAcceptedPlan(db, task.id));
}

/**
 * The status a lifecycle move into `in_progress` really gives: unchanged when the task may start;
 * the status it had when the move is the lead unit's acknowledgement of a task still waiting for
 * its plan; any other start of such a task is refused with 409 plan_not_accepted. For
 * task-transitions.service.ts, inside its transaction.
 */
export async function holdForPlan(
  db: Executor,
  task: TaskRow,
  from: TaskStatus,
  action: TaskAction,
): Promise<TaskStatus> {
  if (from === 'in_progress' || !(await isWaitingForPlan(db, task))) return 'in_progress';
  if (action === 'acknowledge') return from;
  throw new AppError('plan_not_accepted');
}

/**
 * Starts a task that was held at `assigned` after its lead unit acknowledged it, now that a plan is
 * accepted: moves it to in_progress in the caller's transaction (who records it on the task's
 * history with the acceptance). Answers whether it moved.
 */
export async function startHeldTask(trx: Executor, taskId: number, at: string): Promise<boolean> {
  const task = await findTaskRow(trx, taskId);
  if (task?.status !== 'assigned' || task.lead_unit_id === null) return false;
  const lead = (await listTaskUnitRows(trx, [task.id])).find((unit) => unit.unit_id === task.lead_unit_id);
  if (!lead?.acknowledged_at) return false;
  const updated = await updateTaskRow(trx, task.id, task.version, { status: 'in_progress', updated_at: at });
  if (!updated) throw new AppError('version_conflict', { object: 'task', id: task.id });
  return true;
}
