import { diffChanges } from '../../domain/field-diff.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { findTaskRow, listSubtreeRows, lockTaskRows, updateTaskRow } from '../tasks/tasks.repository.js';

// Opening tasks to the public (公开督办) and closing them again. Only the supervision office (and
// administrators) decide what the public sees; the flag alone never shows a draft or a cancelled
// task (the public queries filter those out whatever the flag says).

/**
 * Sets `is_public` on a task — and with `includeSubtasks` on its whole subtree — in one transaction.
 * The task's own version is checked (409 on a stale one); descendants are locked and changed as
 * they stand. Each changed task gets an `update` entry in its history and the audit trail.
 */
export async function setTaskPublic(
  deps: { db: Database },
  input: { taskId: number; isPublic: boolean; includeSubtasks: boolean; version: number; actor: Actor },
): Promise<{ changed: number[]; version: number }> {
  assertAllowed(can.manageTasks(input.actor));
  return inTransaction(deps.db, async (trx) => {
    const task = await findTaskRow(trx, input.taskId);
    if (!task) throw new AppError('not_found', { object: 'task' });
    if (task.version !== input.version) throw new AppError('version_conflict', { object: 'task' });
    const rows = input.includeSubtasks ? await listSubtreeRows(trx, task.path) : [task];
    const flag = input.isPublic ? 1 : 0;
    const targets = rows.filter((row) => row.is_public !== flag);
    await lockTaskRows(
      trx,
      targets.map((row) => row.id),
    );
    const now = nowIso();
    const changed: number[] = [];
    let version = task.version;
    for (const row of targets) {
      // The root is checked against the version the caller saw; the rest against what was just read.
      const expected = row.id === task.id ? input.version : row.version;
      const updated = await updateTaskRow(trx, row.id, expected, { is_public: flag, updated_at: now });
      if (!updated) throw new AppError('version_conflict', { object: 'task' });
      if (row.id === task.id) version = updated.version;
      changed.push(row.id);
      await recordTaskChange(trx, input.actor, {
        taskId: row.id,
        action: 'update',
        at: now,
        diff: diffChanges(row, { is_public: flag }),
        detail: { publicFrom: task.id },
      });
    }
    return { changed, version };
  });
}
