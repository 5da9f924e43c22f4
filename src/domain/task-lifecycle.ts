import type { TaskAction, TaskRelation, TaskStatus } from '../shared/tasks.js';

/** One allowed move: from which statuses, to which status, by whom, and whether a reason is required. */
interface TransitionRule {
  from: readonly TaskStatus[];
  /** The target; `previous` means "the status the task had before it was suspended". */
  to: TaskStatus | 'previous';
  by: readonly TaskRelation[];
  needsReason: boolean;
}

const SUPERVISION: readonly TaskRelation[] = ['supervisor', 'admin'];
const ACTIVE: readonly TaskStatus[] = ['assigned', 'in_progress', 'returned'];

/**
 * The task lifecycle (DOMAIN.md): draft → assigned → in_progress → closure_requested → closed,
 * with returned (closure sent back), suspended/resumed and cancelled. Acknowledging by a
 * cooperating unit records the unit's acknowledgement but does not move the task (see
 * `acknowledgeMovesTask`).
 */
export const TRANSITIONS: Readonly<Record<TaskAction, TransitionRule>> = {
  assign: { from: ['draft'], to: 'assigned', by: SUPERVISION, needsReason: false },
  acknowledge: {
    from: ['assigned', 'in_progress', 'returned'],
    to: 'in_progress',
    by: ['lead_unit', 'cooperating_unit'],
    needsReason: false,
  },
  request_closure: {
    from: ['in_progress', 'returned'],
    to: 'closure_requested',
    by: ['lead_unit'],
    needsReason: false,
  },
  close: { from: ['closure_requested'], to: 'closed', by: SUPERVISION, needsReason: false },
  return: { from: ['closure_requested'], to: 'returned', by: SUPERVISION, needsReason: true },
  suspend: { from: ACTIVE, to: 'suspended', by: SUPERVISION, needsReason: true },
  resume: { from: ['suspended'], to: 'previous', by: SUPERVISION, needsReason: false },
  cancel: {
    from: ['draft', 'assigned', 'in_progress', 'closure_requested', 'returned', 'suspended'],
    to: 'cancelled',
    by: SUPERVISION,
    needsReason: true,
  },
  reopen: { from: ['closed'], to: 'in_progress', by: SUPERVISION, needsReason: true },
};

export type TransitionResult =
  | { ok: true; to: TaskStatus; needsReason: boolean }
  | { ok: false; reason: 'illegal_transition'; allowed: TaskAction[] }
  | { ok: false; reason: 'not_allowed_for_relation' }
  | { ok: false; reason: 'reason_required' };

/** The actions that are legal from a status, whoever asks (for "allowed ones named" in 409s). */
export function actionsFrom(status: TaskStatus): TaskAction[] {
  return (Object.keys(TRANSITIONS) as TaskAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}

/** The actions that are legal from a status for someone with these relations to the task. */
export function availableActions(status: TaskStatus, relations: readonly TaskRelation[]): TaskAction[] {
  return actionsFrom(status).filter((action) => TRANSITIONS[action].by.some((r) => relations.includes(r)));
}

/**
 * Decides a transition. `suspendedFrom` is the status saved when the task was suspended (used by
 * resume); `reason` is the caller's stated reason, if any.
 */
export function decideTransition(input: {
  status: TaskStatus;
  action: TaskAction;
  relations: readonly TaskRelation[];
  reason?: string | null | undefined;
  suspendedFrom?: TaskStatus | null | undefined;
}): TransitionResult {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(input.status))
    return { ok: false, reason: 'illegal_transition', allowed: actionsFrom(input.status) };
  if (!rule.by.some((r) => input.relations.includes(r))) return { ok: false, reason: 'not_allowed_for_relation' };
  if (rule.needsReason && !input.reason?.trim()) return { ok: false, reason: 'reason_required' };
  const to = rule.to === 'previous' ? (input.suspendedFrom ?? 'in_progress') : rule.to;
  return { ok: true, to, needsReason: rule.needsReason };
}

/**
 * Only the lead unit's acknowledgement starts the work (assigned → in_progress); a cooperating
 * unit's acknowledgement is recorded on its own part and leaves the status alone.
 */
export function acknowledgeMovesTask(status: TaskStatus, relations: readonly TaskRelation[]): boolean {
  return status === 'assigned' && relations.includes('lead_unit');
}
