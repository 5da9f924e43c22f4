import { decideReview, isEditableReview, type ReviewRole, reviewActionsFrom } from '../../domain/review-flow.js';
import type { ClosureAction, ClosureStatus } from '../../shared/closure-api.js';

// The closure application's flow (申请办结, issue 4 item 7): the shared review flow
// (src/domain/review-flow.ts) plus one optional step. When a key task's closure needs a leader's
// confirmation (setting `closure.leaderConfirmsKeyTasks`), the supervision office's acceptance
// sends the application to `pending_leader`, where the task's responsible leader confirms it
// (→ accepted) or returns it with reasons (→ returned). Pure: no I/O.

/** The review roles plus `leader`: the leader who confirms a key task's closure. */
export type ClosureRole = ReviewRole | 'leader';

export type ClosureDecision =
  | { ok: true; to: ClosureStatus; impliedApproval: boolean }
  | { ok: false; reason: 'illegal_action'; allowed: ClosureAction[] }
  | { ok: false; reason: 'not_allowed_for_role' }
  | { ok: false; reason: 'reason_required' };

/** True when the lead unit may still change the application. */
export function isEditableClosure(status: ClosureStatus): boolean {
  return status !== 'pending_leader' && isEditableReview(status);
}

function actionsFrom(status: ClosureStatus): ClosureAction[] {
  return status === 'pending_leader' ? ['return', 'confirm'] : reviewActionsFrom(status);
}

/**
 * Decides one step. `needsLeader` says whether an acceptance goes on to a leader's confirmation
 * (the setting is on and the task is key).
 */
export function decideClosure(input: {
  status: ClosureStatus;
  action: ClosureAction;
  roles: readonly ClosureRole[];
  reason?: string | null | undefined;
  needsLeader: boolean;
}): ClosureDecision {
  if (input.status === 'pending_leader' || input.action === 'confirm') {
    if (input.status !== 'pending_leader' || (input.action !== 'confirm' && input.action !== 'return')) {
      return { ok: false, reason: 'illegal_action', allowed: actionsFrom(input.status) };
    }
    if (!input.roles.includes('leader')) return { ok: false, reason: 'not_allowed_for_role' };
    if (input.action === 'return' && !input.reason?.trim()) return { ok: false, reason: 'reason_required' };
    return { ok: true, to: input.action === 'confirm' ? 'accepted' : 'returned', impliedApproval: false };
  }
  const decision = decideReview({
    status: input.status,
    action: input.action,
    roles: input.roles.filter((role): role is ReviewRole => role !== 'leader'),
    reason: input.reason,
  });
  if (!decision.ok) return decision;
  const to: ClosureStatus = decision.to === 'accepted' && input.needsLeader ? 'pending_leader' : decision.to;
  return { ok: true, to, impliedApproval: decision.impliedApproval };
}

/** The actions someone with these roles may take now (for the `allowedActions` of the answer). */
export function availableClosureActions(
  status: ClosureStatus,
  roles: readonly ClosureRole[],
  needsLeader: boolean,
): ClosureAction[] {
  return actionsFrom(status).filter((action) => {
    const decision = decideClosure({ status, action, roles, reason: 'x', needsLeader });
    return decision.ok;
  });
}
