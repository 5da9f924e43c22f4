import type { z } from 'zod';
import type { Locale } from '../../shared/locales.js';
import type { bulkBody } from '../../shared/task-api.js';
import type { Actor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { errorDetail } from '../i18n/messages.js';
import { assertAllowed, can } from '../policy.js';
import { insertDeadlineChangeRow } from '../supervision/extensions.repository.js';
import { isSupervising, requireVisibleTask } from './task-access.js';
import { taskClock } from './task-clock.js';
import { checkDates, resolveUnits } from './task-fields.js';
import { recordTaskChange } from './task-history.js';
import { applyTransition } from './task-transitions.service.js';
import {
  findTaskRow,
  latestChildDeadline,
  listTaskUnitRows,
  replaceTaskUnits,
  updateTaskRow,
} from './tasks.repository.js';
import type { TaskDeps } from './tasks.service.js';

type BulkOperation = z.output<typeof bulkBody>['operation'];

/**
 * Applies one operation to a selection of tasks, all or nothing: any task that cannot take it
 * rolls the whole batch back and the answer names that task and why.
 */
export async function bulkUpdateTasks(
  deps: TaskDeps,
  input: { taskIds: number[]; operation: BulkOperation; actor: Actor; locale: Locale },
): Promise<{ updated: number }> {
  assertAllowed(can.manageTasks(input.actor));
  const ids = [...new Set(input.taskIds)];
  if (input.operation.kind === 'assign') {
    // Each assignment is a full lifecycle transition; run them in one outer transaction.
    const clock = await taskClock(deps.db, deps.config);
    return inTransaction(deps.db, async (trx) => {
      for (const id of ids) {
        const { task } = await requireVisibleTask(trx, input.actor, id);
        await guard(task.number, input.locale, () =>
          applyTransition(trx, clock, { taskId: id, action: 'assign', version: task.version, actor: input.actor }),
        );
      }
      return { updated: ids.length };
    });
  }
  const operation = input.operation;
  return inTransaction(deps.db, async (trx) => {
    for (const id of ids) {
      const { task, relations } = await requireVisibleTask(trx, input.actor, id);
      assertAllowed(isSupervising(relations));
      const now = nowIso();
      await guard(task.number, input.locale, async () => {
        if (operation.kind === 'set_deadline') {
          const parent = task.parent_id ? await findTaskRow(trx, task.parent_id) : undefined;
          checkDates({
            deadline: operation.deadline,
            startDate: task.start_date,
            parentDeadline: parent?.deadline ?? null,
          });
          const latest = await latestChildDeadline(trx, task.id);
          if (latest && latest > operation.deadline) {
            throw new AppError('deadline_before_subtasks', { deadline: operation.deadline, latest }, 'deadline');
          }
          // A draft's deadline is still its original one; once assigned, every change is in the history.
          await updateTaskRow(trx, task.id, task.version, {
            deadline: operation.deadline,
            updated_at: now,
            ...(task.status === 'draft' ? { original_deadline: operation.deadline } : {}),
          });
          if (task.status !== 'draft' && task.deadline !== operation.deadline) {
            await insertDeadlineChangeRow(trx, {
              task_id: task.id,
              from_deadline: task.deadline,
              to_deadline: operation.deadline,
              extension_id: null,
              reason: null,
              changed_by: input.actor.userId,
              changed_at: now,
            });
          }
          await recordTaskChange(trx, input.actor, {
            taskId: task.id,
            action: 'update',
            at: now,
            diff: { before: { deadline: task.deadline }, after: { deadline: operation.deadline } },
            detail: { bulk: true },
          });
          return;
        }
        const units = await listTaskUnitRows(trx, [task.id]);
        // Already cooperating: nothing to do. Already leading: resolveUnits refuses, naming the task.
        if (units.some((u) => u.unit_id === operation.unitId && u.role === 'cooperating')) return;
        const resolved = await resolveUnits(trx, task.lead_unit_id, [
          ...units.filter((u) => u.role === 'cooperating').map((u) => ({ unitId: u.unit_id, part: u.part })),
          { unitId: operation.unitId, part: operation.part ?? null },
        ]);
        await replaceTaskUnits(trx, task.id, [
          ...(resolved.lead
            ? [{ unitId: resolved.lead.unitId, role: 'lead' as const, part: null, unitPath: resolved.lead.unitPath }]
            : []),
          ...resolved.cooperating.map((u) => ({
            unitId: u.unitId,
            role: 'cooperating' as const,
            part: u.part,
            unitPath: u.unitPath,
          })),
        ]);
        await updateTaskRow(trx, task.id, task.version, { updated_at: now });
        await recordTaskChange(trx, input.actor, {
          taskId: task.id,
          action: 'update',
          at: now,
          detail: { addedCooperatingUnit: operation.unitId, bulk: true },
        });
      });
    }
    return { updated: ids.length };
  });
}

/** Runs one item; a refusal becomes `bulk_item_failed` naming the task and the reason in words. */
async function guard(number: string, locale: Locale, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.code !== 'forbidden' && error.code !== 'not_found') {
      throw new AppError(
        'bulk_item_failed',
        { number, reason: errorDetail(locale, error.code, error.params) },
        'taskIds',
      );
    }
    throw error;
  }
}
