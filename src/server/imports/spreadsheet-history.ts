import { appendAuditEntries } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { queueHealth } from '../supervision/health-queue.repository.js';
import type { TaskChange } from '../tasks/task-history.js';
import { insertTaskEventRows } from './spreadsheet.repository.js';

/** Task ids per health-queue statement (two parameters each). */
const QUEUE_CHUNK = 5000;

/**
 * recordTaskChange (src/server/tasks/task-history.ts) for a whole sheet at once, in the same
 * shapes: each change's history entry, its task queued for the health sweep, and its audit entry
 * with the before/after diff — a few multi-row statements instead of five per task. The audit
 * entries go last, so the audit head's row lock is held for the shortest time.
 */
export async function recordTaskChanges(trx: Executor, actor: Actor, changes: readonly TaskChange[]): Promise<void> {
  if (changes.length === 0) return;
  await insertTaskEventRows(
    trx,
    changes.map((change) => ({
      task_id: change.taskId,
      at: change.at,
      actor_user_id: actor.userId,
      action: change.action,
      from_status: change.fromStatus ?? null,
      to_status: change.toStatus ?? null,
      reason: change.reason?.trim() || null,
      detail: change.detail && Object.keys(change.detail).length > 0 ? JSON.stringify(change.detail) : null,
    })),
  );
  const ids = changes.map((change) => change.taskId);
  const at = changes[0]?.at ?? new Date().toISOString();
  for (let start = 0; start < ids.length; start += QUEUE_CHUNK) {
    await queueHealth(trx, ids.slice(start, start + QUEUE_CHUNK), at);
  }
  await appendAuditEntries(
    trx,
    actor,
    changes.map((change) => ({
      action: `task.${change.action}`,
      objectType: 'task',
      objectId: change.taskId,
      detail: {
        ...(change.detail ?? {}),
        ...(change.fromStatus !== undefined ? { fromStatus: change.fromStatus, toStatus: change.toStatus } : {}),
        ...(change.reason ? { reason: change.reason } : {}),
      },
      ...(change.diff ? { before: change.diff.before, after: change.diff.after } : {}),
    })),
  );
}
