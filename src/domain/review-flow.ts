/**
 * The review flow shared by plans, progress reports and closure applications (issue 4):
 *
 *   draft ──submit (staff)──▶ pending_head ──approve (head)──▶ pending_supervisor ──accept (supervision)──▶ accepted
 *                                  │                                  │
 *                                  └──return (head, reason)──▶ returned ◀──return (supervision, reason)──┘
 *   returned ──submit (staff)──▶ pending_head
 *
 * A unit head submitting the unit's own item goes straight to `pending_supervisor`: the head's
 * approval is implied (and recorded as such by the caller). The module knows nothing about the
 * subject: callers map a person to the roles below for the item they are looking at.
 */

/** Where an item is in its review. */
export const REVIEW_STATUSES = ['draft', 'pending_head', 'pending_supervisor', 'accepted', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What someone does to an item under review. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'accept'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * How a person stands to the item: `staff` = unit_staff or unit_head of the unit that owns it,
 * `head` = unit_head of that unit (a head is also staff), `supervision` = supervisor or admin.
 */
export const REVIEW_ROLES = ['staff', 'head', 'supervision'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

/** One legal move: the action from one status, by whom, to where, and whether a reason is required. */
export interface ReviewRule {
  action: ReviewAction;
  from: ReviewStatus;
  to: ReviewStatus;
  by: ReviewRole;
  needsReason: boolean;
}

/** Every legal move. `return` appears twice because who may return depends on where the item is. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  { action: 'submit', from: 'draft', to: 'pending_head', by: 'staff', needsReason: false },
  { action: 'submit', from: 'returned', to: 'pending_head', by: 'staff', needsReason: false },
  { action: 'approve', from: 'pending_head', to: 'pending_supervisor', by: 'head', needsReason: false },
  { action: 'return', from: 'pending_head', to: 'returned', by: 'head', needsReason: true },
  { action: 'accept', from: 'pending_supervisor', to: 'accepted', by: 'supervision', needsReason: false },
  { action: 'return', from: 'pending_supervisor', to: 'returned', by: 'supervision', needsReason: true },
];

/** Statuses in which the owning unit may still change the content. */
export const EDITABLE_REVIEW_STATUSES: readonly ReviewStatus[] = ['draft', 'returned'];

export type ReviewDecision =
  | {
      ok: true;
      to: ReviewStatus;
      needsReason: boolean;
      /** True when a unit head's submission skipped `pending_head` (their approval is implied). */
      impliedApproval: boolean;
    }
  | { ok: false; reason: 'illegal_action'; allowed: ReviewAction[] }
  | { ok: false; reason: 'not_allowed_for_role' }
  | { ok: false; reason: 'reason_required' };

/** True when the owning unit may edit an item in this status. */
export function isEditableReview(status: ReviewStatus): boolean {
  return EDITABLE_REVIEW_STATUSES.includes(status);
}

/** The actions legal from a status, whoever asks (named in 409 answers), in REVIEW_ACTIONS order. */
export function reviewActionsFrom(status: ReviewStatus): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => REVIEW_RULES.some((rule) => rule.action === action && rule.from === status));
}

/** The actions someone with these roles may take from a status (for "allowed actions" in answers). */
export function availableReviewActions(status: ReviewStatus, roles: readonly ReviewRole[]): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) =>
    REVIEW_RULES.some((rule) => rule.action === action && rule.from === status && roles.includes(rule.by)),
  );
}

/**
 * Decides one step of the review: illegal for the status (with the legal actions), not for this
 * person, or a missing reason; otherwise where the item goes. Checks run in that order, so a
 * stranger asking for an impossible action learns only that it is impossible.
 */
export function decideReview(input: {
  status: ReviewStatus;
  action: ReviewAction;
  roles: readonly ReviewRole[];
  reason?: string | null | undefined;
}): ReviewDecision {
  const rules = REVIEW_RULES.filter((rule) => rule.action === input.action && rule.from === input.status);
  if (rules.length === 0) return { ok: false, reason: 'illegal_action', allowed: reviewActionsFrom(input.status) };
  const rule = rules.find((candidate) => input.roles.includes(candidate.by));
  if (!rule) return { ok: false, reason: 'not_allowed_for_role' };
  if (rule.needsReason && !input.reason?.trim()) return { ok: false, reason: 'reason_required' };
  const headSubmits = rule.action === 'submit' && input.roles.includes('head');
  return {
    ok: true,
    to: headSubmits ? 'pending_supervisor' : rule.to,
    needsReason: rule.needsReason,
    impliedApproval: headSubmits,
  };
}

/**
 * A person's review roles for an item owned by `ownerUnitId`, from their account roles
 * (`unit_staff`, `unit_head`, `supervisor`, `admin`, …) and their own unit.
 */
export function reviewRolesOf(person: {
  roles: Iterable<string>;
  unitId: number | null;
  ownerUnitId: number;
}): ReviewRole[] {
  const roles = new Set(person.roles);
  const result: ReviewRole[] = [];
  const ownUnit = person.unitId !== null && person.unitId === person.ownerUnitId;
  if (ownUnit && (roles.has('unit_staff') || roles.has('unit_head'))) result.push('staff');
  if (ownUnit && roles.has('unit_head')) result.push('head');
  if (roles.has('supervisor') || roles.has('admin')) result.push('supervision');
  return result;
}
