import type { Actor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed } from '../policy.js';
import { isSupervising, requireVisibleTask } from './task-access.js';
import { recordTaskChange } from './task-history.js';
import { rollUpFrom, setUnitPart, type TaskRow, touchTask, updateTaskRow } from './tasks.repository.js';
import type { TaskDeps } from './tasks.service.js';

/** Statuses in which a task's progress may change: not once closure is asked for, nor when suspended or settled. */
const OPEN_FOR_PROGRESS: readonly string[] = ['draft', 'assigned', 'in_progress', 'returned'];

/**
 * Sets a leaf task's progress (0–100) and rolls it up to the root in the same transaction: each
 * ancestor becomes the weighted mean of its children. Parents' progress is never set directly.
 */
export async function setTaskProgress(
  deps: TaskDeps,
  input: { taskId: number; version: number; progress: number; actor: Actor },
): Promise<TaskRow> {
  return inTransaction(deps.db, async (trx) => {
    const { task, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    // Units report progress through progress reports, which their head and the supervision office
    // review (issue 4); setting it by hand is the supervision office's correction only.
    assertAllowed(isSupervising(relations));
    if (task.version !== input.version) throw new AppError('version_conflict', { object: 'task', id: task.id });
    if (task.child_count > 0) throw new AppError('task_not_leaf');
    if (!OPEN_FOR_PROGRESS.includes(task.status)) throw new AppError('task_not_open', { status: task.status });
    const now = nowIso();
    const progress = Math.round(input.progress * 100) / 100;
    const updated = await updateTaskRow(trx, task.id, input.version, { progress, updated_at: now });
    if (!updated) throw new AppError('version_conflict', { object: 'task', id: task.id });
    await rollUpFrom(trx, task.parent_id, now);
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'progress',
      at: now,
      detail: { progress: [task.progress, progress] },
    });
    return updated;
  });
}

/**
 * A cooperating unit describes its own part (or the supervision office edits any unit's part).
 * Parts are per unit, so no task version is needed: two units never write the same part.
 */
export async function setUnitPartOfTask(
  deps: TaskDeps,
  input: { taskId: number; unitId: number; part: string | null; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const { task, units, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    const unit = units.find((u) => u.unit_id === input.unitId);
    if (!unit) throw new AppError('not_found', { object: 'unit' });
    const ownPart = relations.includes('cooperating_unit') && input.actor.unitId === input.unitId;
    assertAllowed(isSupervising(relations) || ownPart);
    const part = input.part?.trim() || null;
    await setUnitPart(trx, task.id, input.unitId, part);
    await touchTask(trx, task.id, nowIso());
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'part',
      at: nowIso(),
      detail: { unitId: input.unitId, part: [unit.part, part] },
    });
  });
}
