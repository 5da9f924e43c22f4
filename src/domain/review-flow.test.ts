import { describe, expect, it } from 'vitest';
import {
  availableReviewActions,
  decideReview,
  isEditableReview,
  REVIEW_ACTIONS,
  REVIEW_STATUSES,
  type ReviewAction,
  type ReviewRole,
  type ReviewStatus,
  reviewActionsFrom,
  reviewRolesOf,
} from './review-flow.js';

// The flow written out by hand from the issue 4 brief, independently of REVIEW_RULES:
// status → action → [who may, where it goes, needs a reason].
type Move = [by: ReviewRole, to: ReviewStatus, needsReason: boolean];
const FLOW: Record<ReviewStatus, Partial<Record<ReviewAction, Move>>> = {
  draft: { submit: ['staff', 'pending_head', false] },
  pending_head: { approve: ['head', 'pending_supervisor', false], return: ['head', 'returned', true] },
  pending_supervisor: {
    accept: ['supervision', 'accepted', false],
    return: ['supervision', 'returned', true],
  },
  accepted: {},
  returned: { submit: ['staff', 'pending_head', false] },
};

/** The role sets real people have: plain staff, a unit head (also staff), a supervisor, nobody. */
const PEOPLE: Record<string, ReviewRole[]> = {
  staff: ['staff'],
  head: ['staff', 'head'],
  supervision: ['supervision'],
  stranger: [],
};

describe(decideReview.name, () => {
  describe.each(REVIEW_STATUSES)('from %s', (status) => {
    it.each(REVIEW_ACTIONS)('should decide %s for every kind of person as the flow table says', (action) => {
      const move = FLOW[status][action];
      for (const [person, roles] of Object.entries(PEOPLE)) {
        const decision = decideReview({ status, action, roles, reason: 'because' });
        if (!move) {
          expect(decision, person).toEqual({
            ok: false,
            reason: 'illegal_action',
            allowed: REVIEW_ACTIONS.filter((a) => FLOW[status][a]),
          });
          continue;
        }
        const [by, to, needsReason] = move;
        if (!roles.includes(by)) {
          expect(decision, person).toEqual({ ok: false, reason: 'not_allowed_for_role' });
          continue;
        }
        const headSubmits = action === 'submit' && roles.includes('head');
        expect(decision, person).toEqual({
          ok: true,
          to: headSubmits ? 'pending_supervisor' : to,
          needsReason,
          impliedApproval: headSubmits,
        });
      }
    });
  });

  it.each([
    ['pending_head', ['staff', 'head']],
    ['pending_supervisor', ['supervision']],
  ] as const)('should require a reason to return from %s', (status, roles) => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(decideReview({ status, action: 'return', roles, reason })).toEqual({
        ok: false,
        reason: 'reason_required',
      });
    }
  });

  it('should not let a supervisor return an item the unit head has not approved yet', () => {
    expect(decideReview({ status: 'pending_head', action: 'return', roles: ['supervision'], reason: 'x' })).toEqual({
      ok: false,
      reason: 'not_allowed_for_role',
    });
  });

  it('should send a head resubmitting a returned item straight to the supervisor', () => {
    expect(decideReview({ status: 'returned', action: 'submit', roles: ['staff', 'head'] })).toEqual({
      ok: true,
      to: 'pending_supervisor',
      needsReason: false,
      impliedApproval: true,
    });
  });
});

describe(availableReviewActions.name, () => {
  it.each([
    ['draft', ['staff'], ['submit']],
    ['draft', ['supervision'], []],
    ['pending_head', ['staff', 'head'], ['approve', 'return']],
    ['pending_head', ['staff'], []],
    ['pending_supervisor', ['supervision'], ['return', 'accept']],
    ['pending_supervisor', ['staff', 'head'], []],
    ['returned', ['staff', 'head', 'supervision'], ['submit']],
    ['accepted', ['staff', 'head', 'supervision'], []],
  ] as const)('from %s with %j should offer %j', (status, roles, expected) => {
    expect(availableReviewActions(status, roles).sort()).toEqual([...expected].sort());
  });
});

describe(reviewActionsFrom.name, () => {
  it('should list the legal actions in a fixed order', () => {
    expect(reviewActionsFrom('pending_supervisor')).toEqual(['return', 'accept']);
    expect(reviewActionsFrom('accepted')).toEqual([]);
  });
});

describe(isEditableReview.name, () => {
  it.each(REVIEW_STATUSES)('should say whether %s is editable', (status) => {
    expect(isEditableReview(status)).toBe(status === 'draft' || status === 'returned');
  });
});

describe(reviewRolesOf.name, () => {
  it.each([
    [['unit_staff'], 5, ['staff']],
    [['unit_head'], 5, ['staff', 'head']],
    [['unit_head'], 6, []],
    [['unit_staff'], null, []],
    [['supervisor'], null, ['supervision']],
    [['admin'], null, ['supervision']],
    [['leader', 'auditor'], 5, []],
    [['unit_head', 'supervisor'], 5, ['staff', 'head', 'supervision']],
  ] as const)('should map roles %j in unit %s to %j for an item of unit 5', (roles, unitId, expected) => {
    expect(reviewRolesOf({ roles, unitId, ownerUnitId: 5 })).toEqual(expected);
  });
});
