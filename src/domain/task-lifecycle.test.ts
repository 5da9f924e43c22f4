import { describe, expect, it } from 'vitest';
import {
  TASK_ACTIONS,
  TASK_RELATIONS,
  TASK_STATUSES,
  type TaskAction,
  type TaskRelation,
  type TaskStatus,
} from '../shared/tasks.js';
import { acknowledgeMovesTask, actionsFrom, availableActions, decideTransition } from './task-lifecycle.js';

// The lifecycle written out by hand from issue 3 and DOMAIN.md, independently of TRANSITIONS:
// the test compares the module against this table for every status × action × relation.

/** Legal moves per status: action → resulting status (`previous` = the status before suspension). */
const LEGAL: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus | 'previous'>>> = {
  draft: { assign: 'assigned', cancel: 'cancelled' },
  assigned: { acknowledge: 'in_progress', suspend: 'suspended', cancel: 'cancelled' },
  in_progress: {
    acknowledge: 'in_progress',
    request_closure: 'closure_requested',
    suspend: 'suspended',
    cancel: 'cancelled',
  },
  closure_requested: { close: 'closed', return: 'returned', cancel: 'cancelled' },
  returned: {
    acknowledge: 'in_progress',
    request_closure: 'closure_requested',
    suspend: 'suspended',
    cancel: 'cancelled',
  },
  suspended: { resume: 'previous', cancel: 'cancelled' },
  closed: { reopen: 'in_progress' },
  cancelled: {},
};

const SUPERVISION: TaskRelation[] = ['supervisor', 'admin'];
const BY: Record<TaskAction, TaskRelation[]> = {
  assign: SUPERVISION,
  acknowledge: ['lead_unit', 'cooperating_unit'],
  request_closure: ['lead_unit'],
  close: SUPERVISION,
  return: SUPERVISION,
  suspend: SUPERVISION,
  resume: SUPERVISION,
  cancel: SUPERVISION,
  reopen: SUPERVISION,
};

const NEEDS_REASON: readonly TaskAction[] = ['return', 'suspend', 'cancel', 'reopen'];

/** The legal actions from a status, in the order TASK_ACTIONS lists them. */
function legalFrom(status: TaskStatus): TaskAction[] {
  return TASK_ACTIONS.filter((action) => LEGAL[status][action] !== undefined);
}

describe(decideTransition.name, () => {
  describe.each(TASK_STATUSES)('from %s', (status) => {
    it.each(TASK_ACTIONS)('should decide %s for every relation as the lifecycle table says', (action) => {
      const target = LEGAL[status][action];
      for (const relation of TASK_RELATIONS) {
        const decide = (reason?: string | null) =>
          decideTransition({ status, action, relations: [relation], reason, suspendedFrom: 'returned' });
        const label = `${status} ${action} by ${relation}`;
        if (target === undefined) {
          expect(decide('理由'), label).toEqual({
            ok: false,
            reason: 'illegal_transition',
            allowed: legalFrom(status),
          });
          continue;
        }
        if (!BY[action].includes(relation)) {
          expect(decide('理由'), label).toEqual({ ok: false, reason: 'not_allowed_for_relation' });
          continue;
        }
        const to = target === 'previous' ? 'returned' : target;
        const needsReason = NEEDS_REASON.includes(action);
        expect(decide('理由'), label).toEqual({ ok: true, to, needsReason });
        for (const missing of [undefined, null, '', '  \n']) {
          expect(decide(missing), `${label} without a reason`).toEqual(
            needsReason ? { ok: false, reason: 'reason_required' } : { ok: true, to, needsReason },
          );
        }
      }
    });
  });

  it('should resume to the status the task was suspended from', () => {
    for (const from of ['assigned', 'in_progress', 'returned'] as const) {
      expect(
        decideTransition({ status: 'suspended', action: 'resume', relations: ['admin'], suspendedFrom: from }),
      ).toEqual({ ok: true, to: from, needsReason: false });
    }
  });

  it('should resume to in_progress when the suspended-from status is unknown', () => {
    expect(decideTransition({ status: 'suspended', action: 'resume', relations: ['supervisor'] })).toMatchObject({
      ok: true,
      to: 'in_progress',
    });
  });

  it('should allow an action when any one of several relations may take it', () => {
    const result = decideTransition({
      status: 'assigned',
      action: 'acknowledge',
      relations: ['leader', 'cooperating_unit'],
    });
    expect(result).toMatchObject({ ok: true, to: 'in_progress' });
  });

  it('should refuse a caller with no relation at all', () => {
    expect(decideTransition({ status: 'draft', action: 'assign', relations: [] })).toEqual({
      ok: false,
      reason: 'not_allowed_for_relation',
    });
  });

  it('should check the status before the relation and the relation before the reason', () => {
    expect(decideTransition({ status: 'closed', action: 'cancel', relations: ['leader'] })).toMatchObject({
      reason: 'illegal_transition',
    });
    expect(decideTransition({ status: 'assigned', action: 'cancel', relations: ['leader'] })).toMatchObject({
      reason: 'not_allowed_for_relation',
    });
  });
});

describe(actionsFrom.name, () => {
  it.each(TASK_STATUSES)('should list the legal actions from %s whoever asks', (status) => {
    expect(actionsFrom(status)).toEqual(legalFrom(status));
  });

  it('should leave a cancelled task no way out', () => {
    expect(actionsFrom('cancelled')).toEqual([]);
  });
});

describe(availableActions.name, () => {
  it.each(TASK_STATUSES)('should give each relation only its own legal actions from %s', (status) => {
    for (const relation of TASK_RELATIONS) {
      expect(availableActions(status, [relation]), relation).toEqual(
        legalFrom(status).filter((action) => BY[action].includes(relation)),
      );
    }
  });

  it('should combine the actions of several relations', () => {
    expect(availableActions('in_progress', ['lead_unit', 'supervisor'])).toEqual([
      'acknowledge',
      'request_closure',
      'suspend',
      'cancel',
    ]);
  });

  it('should give leaders and auditors no lifecycle actions anywhere', () => {
    for (const status of TASK_STATUSES) expect(availableActions(status, ['leader', 'auditor'])).toEqual([]);
  });
});

describe(acknowledgeMovesTask.name, () => {
  it('should start the work when the lead unit acknowledges an assigned task', () => {
    expect(acknowledgeMovesTask('assigned', ['lead_unit'])).toBe(true);
  });

  it('should leave the status alone when a cooperating unit acknowledges', () => {
    expect(acknowledgeMovesTask('assigned', ['cooperating_unit'])).toBe(false);
  });

  it('should leave the status alone once the task is past assigned', () => {
    for (const status of TASK_STATUSES.filter((s) => s !== 'assigned')) {
      expect(acknowledgeMovesTask(status, ['lead_unit']), status).toBe(false);
    }
  });
});
