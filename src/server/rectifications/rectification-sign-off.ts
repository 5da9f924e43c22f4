import type { ClosureStatus } from '../../shared/closure-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { AppError } from '../errors.js';
import { evidenceOf } from '../files/evidence.service.js';
import { notify } from '../notifications/notifications.service.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { writeSignOff } from './rectifications.repository.js';

// Sign-off (销号) rides on the closure flow (src/server/closure/): the owner unit applies to close
// the rectification task with its evidence, and the supervision office's acceptance of that
// application IS the sign-off. The closure services call these two hooks for tasks of kind
// `rectification` only; ordinary tasks are untouched.

/** True for a rectification item's task. */
export function isRectification(task: Pick<TaskRow, 'kind'>): boolean {
  return task.kind === 'rectification';
}

/**
 * A rectification is signed off on evidence only: its closure application must carry at least one
 * file when submitted (whatever the task's key flag), or 422 `rectification_evidence_required`.
 */
export async function assertRectificationEvidence(trx: Executor, applicationId: number): Promise<void> {
  const files = (await evidenceOf(trx, 'closure', [applicationId])).get(applicationId) ?? [];
  if (files.length === 0) throw new AppError('rectification_evidence_required', {}, 'fileIds');
}

/**
 * The outcome of a closure step on a rectification, in the step's transaction. Accepted → the
 * sign-off is written (who, when, the acceptance comment) and the owner unit is told
 * `rectification.signed_off`; returned by the supervision office (or the confirming leader) → the
 * unit is told `rectification.returned` with the reason. Answers true when it sent the step's one
 * notification (the closure's own is then skipped); false for the unit-internal steps.
 */
export async function onRectificationClosureStep(
  trx: Executor,
  step: {
    task: TaskRow;
    applicationId: number;
    from: ClosureStatus;
    to: ClosureStatus;
    reason: string | null;
    actor: Actor;
  },
): Promise<boolean> {
  const { task } = step;
  const lead = task.lead_unit_id === null ? [] : [task.lead_unit_id];
  const base = {
    taskId: task.id,
    subjectType: 'closure',
    subjectId: step.applicationId,
    unitIds: lead,
    roles: ['unit_head', 'unit_staff'] as const,
    actor: step.actor,
  };
  if (step.to === 'accepted') {
    await writeSignOff(trx, task.id, { at: nowIso(), by: step.actor.userId, comment: step.reason });
    await notify(trx, { ...base, kind: 'rectification.signed_off' });
    await insertAuditEntry(trx, step.actor, {
      action: 'rectification.sign_off',
      objectType: 'task',
      objectId: task.id,
      detail: { applicationId: step.applicationId, ...(step.reason ? { comment: step.reason } : {}) },
    });
    return true;
  }
  // A unit head's return goes back to the unit's own staff: the closure's notification says that.
  if (step.to === 'returned' && step.from !== 'pending_head') {
    await notify(trx, { ...base, kind: 'rectification.returned', params: { reason: step.reason } });
    return true;
  }
  return false;
}
