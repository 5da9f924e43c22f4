import { localDate } from '../../domain/dates.js';
import type { ExtensionAction, ExtensionBlocker, ExtensionStatus } from '../../shared/extensions-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { checkDates } from '../tasks/task-fields.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { findTaskRow, lockTaskRows, type TaskRow, updateTaskRow } from '../tasks/tasks.repository.js';
import {
  type ExtensionRow,
  findExtensionRow,
  insertDeadlineChangeRow,
  insertExtensionRow,
  listExtensionRowsOfTask,
  updateExtensionRow,
} from './extensions.repository.js';
import {
  allowedExtensionActions,
  countApproved,
  EXTENSION_TASK_STATUSES,
  type ExtensionRoles,
  isPendingRequest,
  nextExtensionStatus,
  requestBlocker,
} from './extensions-flow.js';
import { notifyExtensionStep } from './extensions-notify.js';
import { extensionRolesOf } from './extensions-view.service.js';
import { getSupervisionSettings } from './supervision-settings.service.js';

export interface ExtensionDeps {
  db: Database;
  config: Config;
}

function today(config: Config): string {
  return localDate(new Date(), config.timeZone);
}
/** The refusal for a blocker, with the parameters its message needs. */
function refusal(blocker: ExtensionBlocker, task: TaskRow, limit: number): AppError {
  switch (blocker) {
    case 'not_requester':
      return new AppError('forbidden');
    case 'task_not_open':
      return new AppError('task_not_open', { status: task.status });
    case 'no_deadline':
      return new AppError('extension_date_invalid', { deadline: '—' }, 'proposedDeadline');
    case 'after_deadline':
      return new AppError('extension_after_deadline', { deadline: task.deadline ?? '—' });
    case 'pending_exists':
      return new AppError('extension_pending_exists');
    case 'limit_reached':
      return new AppError('extension_limit_reached', { limit });
  }
}

/** The proposed date must be later than the deadline in force and not after the parent's. */
async function checkProposedDeadline(trx: Executor, task: TaskRow, proposed: string): Promise<void> {
  if (task.deadline === null || proposed <= task.deadline) {
    throw new AppError('extension_date_invalid', { deadline: task.deadline ?? '—' }, 'proposedDeadline');
  }
  const parent = task.parent_id ? await findTaskRow(trx, task.parent_id) : undefined;
  try {
    checkDates({ deadline: proposed, startDate: null, parentDeadline: parent?.deadline ?? null });
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.params, 'proposedDeadline');
    throw error;
  }
}

/**
 * Files an extension request (延期申请) for the lead unit: while the task is worked on, on or before
 * its deadline, for a later date within the parent's deadline, one at a time and within the limit.
 * A key task's request goes on to its leader after the supervision office when the setting asks.
 */
export async function requestExtension(
  deps: ExtensionDeps,
  input: {
    taskId: number;
    reason: string;
    progress: number;
    progressNote?: string | null | undefined;
    proposedDeadline: string;
    actor: Actor;
  },
): Promise<ExtensionRow> {
  return inTransaction(deps.db, async (trx) => {
    const visible = await requireVisibleTask(trx, input.actor, input.taskId);
    // One request at a time: concurrent requests for the same task wait here.
    await lockTaskRows(trx, [visible.task.id]);
    const task = (await findTaskRow(trx, visible.task.id)) ?? visible.task;
    const [rows, settings, roles] = await Promise.all([
      listExtensionRowsOfTask(trx, task.id),
      getSupervisionSettings(trx),
      extensionRolesOf(trx, input.actor, { ...visible, task }),
    ]);
    const blocker = requestBlocker({
      roles,
      taskStatus: task.status,
      deadline: task.deadline,
      today: today(deps.config),
      hasPending: rows.some(isPendingRequest),
      approvedCount: countApproved(rows),
      limit: settings.maxExtensionsPerTask,
      allowLate: settings.lateExtensionRequests,
    });
    if (blocker) throw refusal(blocker, task, settings.maxExtensionsPerTask);
    await checkProposedDeadline(trx, task, input.proposedDeadline);
    const now = nowIso();
    const reason = input.reason.trim();
    const row = await insertExtensionRow(trx, {
      task_id: task.id,
      unit_id: task.lead_unit_id ?? input.actor.unitId ?? 0,
      reason,
      progress: input.progress,
      progress_note: input.progressNote?.trim() || null,
      deadline_at_request: task.deadline ?? input.proposedDeadline,
      proposed_deadline: input.proposedDeadline,
      status: 'pending_supervisor',
      needs_leader: task.is_key === 1 && settings.leaderApprovesKeyExtensions ? 1 : 0,
      filed_late: task.deadline !== null && today(deps.config) > task.deadline ? 1 : 0,
      decision_comment: null,
      supervisor_decided_by: null,
      supervisor_decided_at: null,
      leader_decided_by: null,
      leader_decided_at: null,
      requested_by: input.actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'extension_requested',
      at: now,
      reason,
      detail: {
        extensionId: row.id,
        deadline: task.deadline,
        proposedDeadline: row.proposed_deadline,
        progress: row.progress,
      },
    });
    await notifyExtensionStep(trx, { task, request: row, byLeader: false, comment: null, actor: input.actor });
    return row;
  });
}

/** A request the caller may see (its task's visibility), with the task locked for the change. */
async function openRequest(trx: Executor, actor: Actor, extensionId: number) {
  const request = await findExtensionRow(trx, extensionId);
  if (!request) throw new AppError('not_found', { object: 'extension' });
  const visible = await requireVisibleTask(trx, actor, request.task_id);
  await lockTaskRows(trx, [visible.task.id]);
  const task = (await findTaskRow(trx, visible.task.id)) ?? visible.task;
  const roles = await extensionRolesOf(trx, actor, { ...visible, task });
  return { request, task, roles };
}

/**
 * 409 when the request is no longer waiting for anyone (decided or withdrawn); 403 when it waits for
 * someone other than the caller (a supervisor or administrator cannot take a leader's step).
 */
function assertAllowedAction(request: ExtensionRow, roles: ExtensionRoles, action: ExtensionAction): void {
  const allowed = allowedExtensionActions(
    { status: request.status, unitId: request.unit_id, requestedBy: request.requested_by },
    roles,
  );
  if (allowed.includes(action)) return;
  const pending = request.status === 'pending_supervisor' || request.status === 'pending_leader';
  throw new AppError(pending ? 'forbidden' : 'supervision_action_illegal');
}

/**
 * Approves or rejects a request at its current step: the supervision office first; then, when the
 * request needs it, the task's leader (administrators and supervisors cannot take the leader's
 * step). The final approval moves the task's deadline (never its original deadline), records the
 * change in the deadline history and the timeline, and tells the lead unit. A rejection needs a comment.
 */
export async function decideExtension(
  deps: ExtensionDeps,
  input: {
    extensionId: number;
    decision: 'approve' | 'reject';
    comment?: string | null | undefined;
    version: number;
    actor: Actor;
  },
): Promise<ExtensionRow> {
  return inTransaction(deps.db, async (trx) => {
    const { request, task, roles } = await openRequest(trx, input.actor, input.extensionId);
    if (request.version !== input.version) throw new AppError('version_conflict', { object: 'extension' });
    assertAllowedAction(request, roles, input.decision);
    const comment = input.comment?.trim() || null;
    if (input.decision === 'reject' && !comment) throw new AppError('reason_required', {}, 'comment');
    const from = request.status as ExtensionStatus;
    const to = nextExtensionStatus(from, input.decision, request.needs_leader === 1);
    if (to === 'approved') {
      if (!EXTENSION_TASK_STATUSES.includes(task.status)) {
        throw new AppError('task_not_open', { status: task.status });
      }
      await checkProposedDeadline(trx, task, request.proposed_deadline);
    }
    const now = nowIso();
    const byLeader = from === 'pending_leader';
    const updated = await updateExtensionRow(trx, request.id, input.version, {
      status: to,
      decision_comment: comment,
      updated_at: now,
      ...(byLeader
        ? { leader_decided_by: input.actor.userId, leader_decided_at: now }
        : { supervisor_decided_by: input.actor.userId, supervisor_decided_at: now }),
    });
    if (!updated) throw new AppError('version_conflict', { object: 'extension' });
    if (to === 'approved') await moveDeadline(trx, { task, request: updated, comment, now, actor: input.actor });
    else {
      await recordTaskChange(trx, input.actor, {
        taskId: task.id,
        action: to === 'pending_leader' ? 'extension_forwarded' : 'extension_rejected',
        at: now,
        reason: comment,
        detail: { extensionId: request.id, proposedDeadline: request.proposed_deadline },
      });
    }
    await notifyExtensionStep(trx, { task, request: updated, byLeader, comment, actor: input.actor });
    return updated;
  });
}

/** The approved request's effect on the task, in the approval's transaction. */
async function moveDeadline(
  trx: Executor,
  step: { task: TaskRow; request: ExtensionRow; comment: string | null; now: string; actor: Actor },
): Promise<void> {
  const { task, request, now } = step;
  const moved = await updateTaskRow(trx, task.id, task.version, {
    deadline: request.proposed_deadline,
    updated_at: now,
  });
  if (!moved) throw new AppError('version_conflict', { object: 'task', id: task.id });
  await insertDeadlineChangeRow(trx, {
    task_id: task.id,
    from_deadline: task.deadline,
    to_deadline: request.proposed_deadline,
    extension_id: request.id,
    reason: request.reason,
    changed_by: step.actor.userId,
    changed_at: now,
  });
  await recordTaskChange(trx, step.actor, {
    taskId: task.id,
    action: 'extension_approved',
    at: now,
    reason: step.comment,
    detail: { extensionId: request.id, from: task.deadline, to: request.proposed_deadline },
    diff: { before: { deadline: task.deadline }, after: { deadline: request.proposed_deadline } },
  });
}

/** The requesting unit takes back a request that is still waiting for a decision. */
export async function withdrawExtension(
  deps: ExtensionDeps,
  input: { extensionId: number; version: number; actor: Actor },
): Promise<ExtensionRow> {
  return inTransaction(deps.db, async (trx) => {
    const { request, task, roles } = await openRequest(trx, input.actor, input.extensionId);
    if (request.version !== input.version) throw new AppError('version_conflict', { object: 'extension' });
    assertAllowedAction(request, roles, 'withdraw');
    const now = nowIso();
    const updated = await updateExtensionRow(trx, request.id, input.version, { status: 'withdrawn', updated_at: now });
    if (!updated) throw new AppError('version_conflict', { object: 'extension' });
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'extension_withdrawn',
      at: now,
      detail: { extensionId: request.id, proposedDeadline: request.proposed_deadline },
    });
    return updated;
  });
}
