import type { FieldDiff } from '../../domain/field-diff.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { insertTaskEvent } from './tasks.repository.js';

/**
 * Records one change to a task in both places, inside the caller's transaction: the task's own
 * history (what people read on the task) and the audit trail (who changed what, before/after).
 */
export async function recordTaskChange(
  db: Executor,
  actor: Actor,
  change: {
    taskId: number;
    action: string;
    at: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    reason?: string | null;
    detail?: Record<string, unknown>;
    /** The changed fields' old and new values (diffChanges in src/domain/field-diff.ts). */
    diff?: FieldDiff;
  },
): Promise<void> {
  await insertTaskEvent(db, {
    task_id: change.taskId,
    at: change.at,
    actor_user_id: actor.userId,
    action: change.action,
    from_status: change.fromStatus ?? null,
    to_status: change.toStatus ?? null,
    reason: change.reason?.trim() || null,
  });
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
