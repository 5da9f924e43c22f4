import { COORDINATION_LIMITS } from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import type { CoordinationRow } from './coordination.repository.js';

// Who hears of each coordination step: the side whose turn it is, or the asking unit of the answer.

/** The matter as a notification quotes it (the inbox line stays one line). */
export function shortMatter(matter: string): string {
  const chars = Array.from(matter.trim().replace(/\s+/g, ' '));
  const max = COORDINATION_LIMITS.matterInNotice;
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

const base = (row: CoordinationRow, actor: Actor | null) =>
  ({ taskId: row.task_id, subjectType: 'coordination', subjectId: row.id, actor }) as const;

/** The asking unit's people, who hear of answers and decisions. */
const askers = (row: CoordinationRow) => ({ unitIds: [row.from_unit_id], roles: ['unit_head', 'unit_staff'] }) as const;

/** The name of the side that answered: the unit asked, or the leader. */
async function targetName(trx: Executor, row: CoordinationRow): Promise<string> {
  if (row.to_unit_id !== null) return (await unitNames(trx, [row.to_unit_id])).get(row.to_unit_id) ?? '';
  if (row.to_leader_id !== null) return (await personNames(trx, [row.to_leader_id])).get(row.to_leader_id) ?? '';
  return '';
}

/** A new request (or one passed or re-sent to a new target): the unit's heads, or the leader asked. */
export async function notifyRequested(trx: Executor, row: CoordinationRow, actor: Actor): Promise<void> {
  const unit = (await unitNames(trx, [row.from_unit_id])).get(row.from_unit_id) ?? '';
  await notify(trx, {
    ...base(row, actor),
    kind: 'coordination.requested',
    ...(row.to_unit_id !== null
      ? { unitIds: [row.to_unit_id], roles: ['unit_head'] as const }
      : { userIds: row.to_leader_id === null ? [] : [row.to_leader_id] }),
    params: { unit, matter: shortMatter(row.matter), dueDate: row.due_date },
  });
}

export async function notifyAccepted(trx: Executor, row: CoordinationRow, actor: Actor): Promise<void> {
  await notify(trx, {
    ...base(row, actor),
    ...askers(row),
    kind: 'coordination.accepted',
    params: { unit: await targetName(trx, row), date: row.commitment_date },
  });
}

export async function notifyDeclined(trx: Executor, row: CoordinationRow, actor: Actor): Promise<void> {
  await notify(trx, {
    ...base(row, actor),
    ...askers(row),
    kind: 'coordination.declined',
    params: { unit: await targetName(trx, row), reason: row.response },
  });
}

/** The leader it escalated to (if any) and the supervision office, always. */
export async function notifyEscalated(trx: Executor, row: CoordinationRow, actor: Actor | null): Promise<void> {
  await notify(trx, {
    ...base(row, actor),
    kind: 'coordination.escalated',
    userIds: row.escalated_to_id === null ? [] : [row.escalated_to_id],
    roles: ['supervisor'],
    params: { bounces: row.bounce_count, matter: shortMatter(row.matter) },
  });
}

/** The leader's decision, to the asking unit (a reassignment also notifies the new unit as a request). */
export async function notifyResolved(
  trx: Executor,
  row: CoordinationRow,
  decision: string,
  actor: Actor,
): Promise<void> {
  await notify(trx, {
    ...base(row, actor),
    ...askers(row),
    kind: 'coordination.resolved',
    params: { reason: decision },
  });
}
