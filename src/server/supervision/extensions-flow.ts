import type { ExtensionAction, ExtensionBlocker, ExtensionStatus } from '../../shared/extensions-api.js';

// The rules of an extension request (延期申请) without I/O: who may file one and when, what each
// party may do to a request, and where a decision leads.

/** Task statuses in which an extension may be asked for: the task is being worked on. */
export const EXTENSION_TASK_STATUSES: readonly string[] = ['assigned', 'in_progress', 'returned'];

/** How the caller stands to a task's extension requests. */
export interface ExtensionRoles {
  /** The lead unit's head or staff, or the task's responsible person: files requests. */
  requester: boolean;
  /** The supervision office (supervisors, administrators): the first decision. */
  supervision: boolean;
  /** The task's responsible leader or a leader in charge of the lead unit: the second decision. */
  leader: boolean;
  /** The caller's unit (a request is withdrawn by its unit). */
  unitId: number | null;
  userId: number | null;
}

export interface RequestContext {
  roles: ExtensionRoles;
  taskStatus: string;
  /** The deadline in force. */
  deadline: string | null;
  /** Local today, `YYYY-MM-DD`. */
  today: string;
  hasPending: boolean;
  approvedCount: number;
  limit: number;
  /** Whether a request may be filed after the deadline (setting `lateExtensionRequests`). */
  allowLate: boolean;
}

/**
 * Why a request cannot be filed now, or null: only by the lead unit, while the task is worked on,
 * on or before its deadline unless the settings allow late requests (an overdue task stays judged
 * against the deadline it missed until one is approved), one at a time, and within the number of
 * extensions the settings allow.
 */
export function requestBlocker(context: RequestContext): ExtensionBlocker | null {
  if (!context.roles.requester) return 'not_requester';
  if (!EXTENSION_TASK_STATUSES.includes(context.taskStatus)) return 'task_not_open';
  if (context.deadline === null) return 'no_deadline';
  if (!context.allowLate && context.today > context.deadline) return 'after_deadline';
  if (context.hasPending) return 'pending_exists';
  if (context.approvedCount >= context.limit) return 'limit_reached';
  return null;
}

/** What the caller may do to a request in its current status. */
export function allowedExtensionActions(
  request: { status: ExtensionStatus; unitId: number; requestedBy: number | null },
  roles: ExtensionRoles,
): ExtensionAction[] {
  const actions: ExtensionAction[] = [];
  if (request.status === 'pending_supervisor' && roles.supervision) actions.push('approve', 'reject');
  if (request.status === 'pending_leader' && roles.leader) actions.push('approve', 'reject');
  const ownUnit = roles.requester && roles.unitId === request.unitId;
  const ownRequest = roles.userId !== null && roles.userId === request.requestedBy;
  if ((request.status === 'pending_supervisor' || request.status === 'pending_leader') && (ownUnit || ownRequest)) {
    actions.push('withdraw');
  }
  return actions;
}

/** Where a decision leads: the supervision office's approval goes on to the leader when needed. */
export function nextExtensionStatus(
  from: ExtensionStatus,
  action: 'approve' | 'reject',
  needsLeader: boolean,
): ExtensionStatus {
  if (action === 'reject') return 'rejected';
  return from === 'pending_supervisor' && needsLeader ? 'pending_leader' : 'approved';
}

/** How many of a task's requests were approved (the limit counts these). */
export function countApproved(requests: ReadonlyArray<{ status: string }>): number {
  return requests.filter((request) => request.status === 'approved').length;
}

/** True while a request waits for a decision. */
export function isPendingRequest(request: { status: string }): boolean {
  return request.status === 'pending_supervisor' || request.status === 'pending_leader';
}
