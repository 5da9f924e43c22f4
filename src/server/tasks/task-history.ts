import type { FieldDiff } from '../../domain/field-diff.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { queueHealth } from '../supervision/health-queue.repository.js';
import { insertTaskEvent } from './tasks.repository.js';

/**
 * Records one change to a task in both places, inside the caller's transaction: the task's own
 * history (what people read on the task) and the audit trail (who changed what, before/after).
 */
export async function recordTaskChange(db: Executor, actor: Actor, change: TaskChange): Promise<void> {
  await recordTaskEvent(db, actor, change);
  await auditTaskChange(db, actor, change);
}

/** One change to a task, as `recordTaskChange` records it. */
export interface TaskChange {
  taskId: number;
  action: string;
  at: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
  /** The changed fields' old and new values (diffChanges in src/domain/field-diff.ts). */
  diff?: FieldDiff;
}

/**
 * The task-history half of `recordTaskChange`, for a caller whose change causes others in the same
 * transaction (an accepted report sets the progress): the cause is written first, so the timeline
 * reads in order, while the audit entry — which takes the audit head's row lock — is written last
 * with `auditTaskChange`, after the task rows the consequences lock (lock order, no deadlock).
 */
export async function recordTaskEvent(db: Executor, actor: Actor, change: TaskChange): Promise<void> {
  await insertTaskEvent(db, {
    task_id: change.taskId,
    at: change.at,
    actor_user_id: actor.userId,
    action: change.action,
    from_status: change.fromStatus ?? null,
    to_status: change.toStatus ?? null,
    reason: change.reason?.trim() || null,
    detail: change.detail && Object.keys(change.detail).length > 0 ? JSON.stringify(change.detail) : null,
  });
  // Anything on a task's timeline may change its health: the next incremental sweep reassesses it.
  await queueHealth(db, [change.taskId], change.at);
}

/** The audit half of `recordTaskChange` (see `recordTaskEvent`). */
export async function auditTaskChange(db: Executor, actor: Actor, change: TaskChange): Promise<void> {
  await insertAuditEntry(db, actor, {
    action: `task.${change.action}`,
    objectType: 'task',
    objectId: change.taskId,
    detail: {
      ...(change.detail ?? {}),
      ...(change.fromStatus !== undefined ? { fromStatus: change.fromStatus, toStatus: change.toStatus } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    },
    ...(change.diff ? { before: change.diff.before, after: change.diff.after } : {}),
  });
}
