import type { ClosureAction, ClosureStatus } from '../../shared/closure-api.js';
import type { TaskAction } from '../../shared/tasks.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { evidenceOf, lockEvidence } from '../files/evidence.service.js';
import {
  assertRectificationEvidence,
  isRectification,
  onRectificationClosureStep,
} from '../rectifications/rectification-sign-off.js';
import { requireVisibleTask, type VisibleTask } from '../tasks/task-access.js';
import { type TaskClock, taskClock } from '../tasks/task-clock.js';
import { applyTransition } from '../tasks/task-transitions.service.js';
import { findTaskRow, insertTaskEvent, lockTaskRows } from '../tasks/tasks.repository.js';
import type { TaskDeps } from '../tasks/tasks.service.js';
import {
  type ClosureApplicationRow,
  findCurrentApplicationRow,
  insertRoundRow,
  updateApplicationRow,
} from './closure.repository.js';
import {
  APPLICABLE_TASK_STATUSES,
  acceptedPlanTargets,
  assertChildrenDone,
  closureRolesOf,
  leaderConfirms,
  parseTargetResults,
  snapshotOf,
} from './closure-context.js';
import { type ClosureRole, decideClosure } from './closure-flow.js';
import { notifyClosureStep } from './closure-notify.js';

/**
 * One step of a task's closure application: submit (lead unit staff; a unit head's submission is
 * also their approval), approve or return (unit head), accept or return (supervision), confirm or
 * return (the task's leader, when the setting asks for it on key tasks). The task follows: it
 * moves to `closure_requested` when the application reaches the supervision office, to `closed`
 * when accepted, to `returned` when the supervision office or the leader returns it. Every step is
 * a round (with the content as it stood), an entry on the task's timeline and in the audit trail,
 * and a notification.
 */
export async function actOnClosure(
  deps: TaskDeps,
  input: { taskId: number; action: ClosureAction; reason?: string | null | undefined; version: number; actor: Actor },
): Promise<void> {
  const clock = await taskClock(deps.db, deps.config);
  await inTransaction(deps.db, async (trx) => {
    const visible = await requireVisibleTask(trx, input.actor, input.taskId);
    await lockTaskRows(trx, [visible.task.id]);
    const application = await findCurrentApplicationRow(trx, visible.task.id);
    if (!application) throw new AppError('not_found', { object: 'closure' });
    if (application.version !== input.version) throw new AppError('version_conflict', { object: 'closure' });
    const from = application.status as ClosureStatus;
    const roles = await closureRolesOf(trx, input.actor, visible);
    const decision = decideClosure({
      status: from,
      action: input.action,
      roles,
      reason: input.reason,
      needsLeader: await leaderConfirms(trx, visible.task),
    });
    if (!decision.ok) {
      if (decision.reason === 'illegal_action') {
        throw new AppError(
          'closure_action_illegal',
          { closureStatus: from, closureAction: input.action, actions: decision.allowed.join(', ') || '—' },
          undefined,
          { allowed: decision.allowed },
        );
      }
      if (decision.reason === 'reason_required') throw new AppError('reason_required', {}, 'reason');
      throw new AppError('forbidden');
    }
    if (input.action === 'submit') await checkSubmission(trx, visible, application);
    if (decision.to === 'accepted') await assertChildrenDone(trx, visible.task.id);
    const now = nowIso();
    const reason = input.reason?.trim() || null;
    const updated = await updateApplicationRow(trx, application.id, input.version, {
      status: decision.to,
      updated_at: now,
      ...(input.action === 'submit' ? { submitted_at: now, decided_at: null } : {}),
      ...(decision.to === 'accepted' || decision.to === 'returned' ? { decided_at: now } : {}),
    });
    if (!updated) throw new AppError('version_conflict', { object: 'closure' });
    const fileIds = ((await evidenceOf(trx, 'closure', [application.id])).get(application.id) ?? []).map((f) => f.id);
    const snapshot = JSON.stringify(snapshotOf(updated, fileIds));
    const steps: ClosureAction[] = decision.impliedApproval ? ['submit', 'approve'] : [input.action];
    for (const step of steps) {
      await insertRoundRow(trx, {
        application_id: application.id,
        at: now,
        actor_user_id: input.actor.userId,
        action: step,
        reason: step === 'return' ? reason : null,
        snapshot,
      });
      await insertTaskEvent(trx, {
        task_id: visible.task.id,
        at: now,
        actor_user_id: input.actor.userId,
        action: `closure.${step}`,
        from_status: null,
        to_status: null,
        reason: step === 'return' ? reason : null,
      });
    }
    await moveTask(trx, clock, { visible, from, to: decision.to, reason, roles, actor: input.actor });
    // Rectification items (整改, issue 7): acceptance is their sign-off (销号), written here, and the
    // outcome is told as a rectification's; the hook answers whether it sent the step's notification.
    const told =
      isRectification(visible.task) &&
      (await onRectificationClosureStep(trx, {
        task: visible.task,
        applicationId: application.id,
        from,
        to: decision.to,
        reason,
        actor: input.actor,
      }));
    if (!told)
      await notifyClosureStep(trx, {
        task: visible.task,
        units: visible.units,
        application: updated,
        from,
        reason,
        actor: input.actor,
      });
    await insertAuditEntry(trx, input.actor, {
      action: `closure.${input.action}`,
      objectType: 'closure',
      objectId: application.id,
      detail: {
        taskId: visible.task.id,
        fromStatus: from,
        toStatus: decision.to,
        ...(reason ? { reason } : {}),
        ...(decision.impliedApproval ? { impliedApproval: true } : {}),
      },
    });
  });
}

/**
 * What a submission needs: an open task without open children, evidence for a key task (a key
 * task's closure is reviewed centrally; a claim of "done" without a single document behind it is
 * the formalism the issue guards against), and a result for every target of the accepted plan.
 */
async function checkSubmission(trx: Executor, visible: VisibleTask, application: ClosureApplicationRow): Promise<void> {
  const { task } = visible;
  if (!APPLICABLE_TASK_STATUSES.includes(task.status))
    throw new AppError('closure_task_inactive', { status: task.status });
  await assertChildrenDone(trx, task.id);
  // A rectification is signed off on evidence only (its own 422, key task or not).
  if (isRectification(task)) await assertRectificationEvidence(trx, application.id);
  else if (task.is_key === 1) {
    const files = (await evidenceOf(trx, 'closure', [application.id])).get(application.id) ?? [];
    if (files.length === 0) throw new AppError('closure_evidence_required', {}, 'fileIds');
  }
  const given = new Map(parseTargetResults(application.target_results).map((result) => [result.targetId, result]));
  const missing = (await acceptedPlanTargets(trx, task.id)).filter((target) => {
    const result = given.get(target.id);
    return !result || result.achieved === null;
  });
  if (missing.length > 0) throw new AppError('closure_targets_incomplete', { count: missing.length }, 'targetResults');
  await lockEvidence(trx, 'closure', application.id);
}

/** The task's own lifecycle move that an application step implies, if any. */
async function moveTask(
  trx: Executor,
  clock: TaskClock,
  step: {
    visible: VisibleTask;
    from: ClosureStatus;
    to: ClosureStatus;
    reason: string | null;
    roles: ClosureRole[];
    actor: Actor;
  },
): Promise<void> {
  let action: TaskAction | null = null;
  if (step.to === 'pending_supervisor') action = 'request_closure';
  else if (step.to === 'accepted') action = 'close';
  else if (step.to === 'returned' && step.from !== 'pending_head') action = 'return';
  if (!action) return;
  const task = await findTaskRow(trx, step.visible.task.id);
  if (!task) throw new AppError('not_found', { object: 'task' });
  // The confirming leader decides for the supervision office here (the flow checked their right).
  const byLeader = step.from === 'pending_leader';
  await applyTransition(trx, clock, {
    taskId: task.id,
    action,
    version: task.version,
    reason: step.reason,
    actor: step.actor,
    ...(byLeader ? { grantedRelations: ['supervisor'] as const } : {}),
  });
}
