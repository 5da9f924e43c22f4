import { commonAncestorIds, type LeaderCharge, lowestCommonLeader } from '../../domain/common-leader.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { lockTaskRows } from '../tasks/tasks.repository.js';
import { findUnitRows } from '../units/units.repository.js';
import {
  type CoordinationRow,
  escalateIfOpen,
  findCoordinationRow,
  listLeaderCharges,
  listOverdueOpenRows,
} from './coordination.repository.js';
import { notifyEscalated } from './coordination-notify.js';

// Escalation of coordination requests (需协调事项): to the lowest common leader of the asking unit
// and the unit that bounced or ignored the request, when the bounce limit is reached or the due date
// passes unanswered.

/** Requests escalated per transaction batch read by the sweep. */
const SWEEP_BATCH = 200;

/**
 * The leader a request between these two units escalates to: the one in charge of the deepest unit
 * above (or equal to) both, walking up while nobody is in charge. Null — the supervision office —
 * when no common unit has a leader, or when the other side is a leader rather than a unit.
 */
export async function escalationLeader(
  db: Executor,
  fromUnitId: number,
  otherUnitId: number | null,
): Promise<number | null> {
  if (otherUnitId === null) return null;
  const units = await findUnitRows(db, [...new Set([fromUnitId, otherUnitId])]);
  const paths = units.map((unit) => unit.path);
  const charges = await listLeaderCharges(db, commonAncestorIds(paths));
  const byLeader = new Map<number, number[]>();
  for (const charge of charges) byLeader.set(charge.user_id, [...(byLeader.get(charge.user_id) ?? []), charge.unit_id]);
  const leaders: LeaderCharge[] = [...byLeader].map(([leaderId, unitIds]) => ({ leaderId, unitIds }));
  return lowestCommonLeader(paths, leaders);
}

/** Puts an escalation that just happened on the task's timeline and tells the leader and supervisors. */
export async function announceEscalation(
  trx: Executor,
  row: CoordinationRow,
  step: { actor: Actor; cause: 'bounced' | 'overdue'; at: string },
): Promise<void> {
  await recordTaskChange(trx, step.actor, {
    taskId: row.task_id,
    action: 'coordination_escalated',
    at: step.at,
    detail: { requestId: row.id, bounces: row.bounce_count, leaderId: row.escalated_to_id, cause: step.cause },
  });
  await notifyEscalated(trx, row, step.actor.userId === null ? null : step.actor);
}

/** Escalates one overdue request unless someone (another node, an answer) changed it first. */
async function escalateOne(db: Database, id: number, taskId: number, today: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    // The task first, as every coordination step does (one lock order: task, then request).
    await lockTaskRows(trx, [taskId]);
    const row = await findCoordinationRow(trx, id);
    if (row?.status !== 'open' || row.due_date >= today) return false;
    const now = nowIso();
    const leader = await escalationLeader(trx, row.from_unit_id, row.to_unit_id);
    const escalated = await escalateIfOpen(trx, id, { escalated_to_id: leader, escalated_at: now, updated_at: now });
    if (!escalated) return false;
    await announceEscalation(trx, escalated, { actor: systemActor('scheduler'), cause: 'overdue', at: now });
    return true;
  });
}

/**
 * Escalates every open coordination request whose due date is before `today` (a local date) and
 * answers how many this call escalated. Idempotent and safe on several nodes at once: each request
 * is escalated in its own transaction by a conditional UPDATE … WHERE status = 'open', so exactly one
 * caller escalates (and notifies) it; the scheduler calls this on each sweep.
 */
export async function escalateOverdueCoordination(db: Database, today: string): Promise<number> {
  let escalated = 0;
  for (;;) {
    const due = await listOverdueOpenRows(db, today, SWEEP_BATCH);
    let changed = 0;
    for (const row of due) {
      if (await escalateOne(db, row.id, row.task_id, today)) changed += 1;
    }
    escalated += changed;
    // A short batch was the last; a full one where nothing changed means others hold the rest.
    if (due.length < SWEEP_BATCH || changed === 0) return escalated;
  }
}
