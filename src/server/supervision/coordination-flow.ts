import type { CoordinationAction, CoordinationStatus } from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import type { CoordinationRow } from './coordination.repository.js';

// Who stands where on one coordination request, and what each side may do in each state. Pure, so
// the service (which enforces) and the presenter (which offers buttons) agree.

/** How the caller stands to a request. */
export interface CoordinationParties {
  /** Head or staff of the asking unit. */
  asker: boolean;
  /** Head or staff of the unit asked, or the leader asked. */
  target: boolean;
  /** The leader it escalated to; the supervision office when it escalated to nobody. */
  decider: boolean;
}

function actsForUnit(actor: Actor, unitId: number | null): boolean {
  if (unitId === null || actor.unitId !== unitId) return false;
  return actor.roles.has('unit_head') || actor.roles.has('unit_staff');
}

export function partiesOf(actor: Actor, row: CoordinationRow): CoordinationParties {
  const isMe = (userId: number | null) => userId !== null && actor.userId !== null && userId === actor.userId;
  const escalated = row.escalated_at !== null;
  return {
    asker: actsForUnit(actor, row.from_unit_id),
    target: actsForUnit(actor, row.to_unit_id) || isMe(row.to_leader_id),
    decider:
      escalated && (isMe(row.escalated_to_id) || (row.escalated_to_id === null && actor.roles.has('supervisor'))),
  };
}

export function isParty(parties: CoordinationParties): boolean {
  return parties.asker || parties.target || parties.decider;
}

/**
 * The actions open to the caller: the target accepts, declines or passes on an open request and
 * fulfils an accepted one; the asker withdraws an open or accepted one and re-sends a declined one;
 * the decider resolves an escalated one. A request continued by another (`hasNext`) is settled, and
 * on a task no longer open only withdrawing remains.
 */
export function allowedCoordinationActions(
  row: Pick<CoordinationRow, 'status'>,
  parties: CoordinationParties,
  context: { hasNext: boolean; taskOpen: boolean },
): CoordinationAction[] {
  const actions: CoordinationAction[] = [];
  const status = row.status as CoordinationStatus;
  if (status === 'open' && parties.target) actions.push('accept', 'decline', 'pass_on');
  if (status === 'accepted' && parties.target) actions.push('fulfil');
  if ((status === 'open' || status === 'accepted') && parties.asker) actions.push('withdraw');
  if (status === 'declined' && parties.asker && !context.hasNext) actions.push('resend');
  if (status === 'escalated' && parties.decider && !context.hasNext) actions.push('resolve');
  return context.taskOpen ? actions : actions.filter((action) => action === 'withdraw');
}
