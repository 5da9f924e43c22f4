import type { CoordinationAction } from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { can } from '../policy.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { findTaskRow, lockTaskRows } from '../tasks/tasks.repository.js';
import {
  type CoordinationChanges,
  type CoordinationRow,
  findCoordinationRow,
  findSuccessorIds,
  insertCoordinationRow,
  updateCoordinationRow,
} from './coordination.repository.js';
import { type CoordinationDeps, isTaskOpen, todayOf, visibleTaskOrNull } from './coordination.service.js';
import { allowedCoordinationActions, type CoordinationParties, isParty, partiesOf } from './coordination-flow.js';
import { getSupervisionSettings } from './supervision-settings.service.js';

// The frame every step on a coordination request runs in: one transaction with the task row locked
// first, the side, version and state checked, and helpers to change the request, record the step on
// the task's timeline (and audit trail) and continue the chain with a new request.

/** Which side takes each action. */
const SIDE: Record<CoordinationAction, keyof CoordinationParties> = {
  accept: 'target',
  decline: 'target',
  pass_on: 'target',
  fulfil: 'target',
  withdraw: 'asker',
  resend: 'asker',
  resolve: 'decider',
};

export interface StepContext {
  trx: Executor;
  row: CoordinationRow;
  actor: Actor;
  now: string;
  today: string;
}

/**
 * Runs one step: 404 unless the caller may see the request, 403 unless they are on the side that
 * takes the action, 409 on a stale version, a task no longer open (except withdrawing) or a state
 * that does not allow it. Answers the request's id.
 */
export async function runStep(
  deps: CoordinationDeps,
  input: { id: number; version: number; action: CoordinationAction; actor: Actor },
  work: (context: StepContext) => Promise<void>,
): Promise<number> {
  const { actor, action } = input;
  const today = todayOf(deps.config);
  return inTransaction(deps.db, async (trx) => {
    const found = await findCoordinationRow(trx, input.id);
    if (!found) throw new AppError('not_found', { object: 'coordination' });
    await lockTaskRows(trx, [found.task_id]);
    const row = (await findCoordinationRow(trx, input.id)) ?? found;
    const parties = partiesOf(actor, row);
    if (!parties[SIDE[action]]) {
      const sees = isParty(parties) || can.seeAllTasks(actor) || (await visibleTaskOrNull(trx, actor, row.task_id));
      throw sees ? new AppError('forbidden') : new AppError('not_found', { object: 'coordination' });
    }
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'coordination' });
    const task = await findTaskRow(trx, row.task_id);
    if (!task) throw new AppError('not_found', { object: 'task' });
    if (action !== 'withdraw' && !isTaskOpen(task.status)) throw new AppError('task_not_open', { status: task.status });
    const hasNext = (await findSuccessorIds(trx, [row.id])).has(row.id);
    const allowed = allowedCoordinationActions(row, parties, { hasNext, taskOpen: true });
    if (!allowed.includes(action)) throw new AppError('supervision_action_illegal', {}, undefined, { allowed });
    await work({ trx, row, actor, now: nowIso(), today });
    return row.id;
  });
}

/** Changes the request from one of `statuses`, or 409 if someone changed it meanwhile. */
export async function change(
  context: StepContext,
  statuses: CoordinationRow['status'][],
  changes: CoordinationChanges,
): Promise<CoordinationRow> {
  const { trx, row, now } = context;
  const updated = await updateCoordinationRow(
    trx,
    row.id,
    { version: row.version, statuses },
    { ...changes, updated_at: now },
  );
  if (!updated) throw new AppError('version_conflict', { object: 'coordination' });
  return updated;
}

/** Records a step on the task's timeline (and audit trail). */
export function record(
  context: StepContext,
  step: string,
  extra: { reason?: string | null; detail?: Record<string, unknown> } = {},
): Promise<void> {
  return recordTaskChange(context.trx, context.actor, {
    taskId: context.row.task_id,
    action: `coordination_${step}`,
    at: context.now,
    reason: extra.reason ?? null,
    detail: { requestId: context.row.id, ...extra.detail },
  });
}

/** A new request continuing `row` in its chain (same task, asking unit and matter). */
export function continueChain(context: StepContext, values: Partial<CoordinationRow>): Promise<CoordinationRow> {
  const { row, now } = context;
  return insertCoordinationRow(context.trx, {
    task_id: row.task_id,
    from_unit_id: row.from_unit_id,
    to_unit_id: null,
    to_leader_id: null,
    matter: row.matter,
    due_date: row.due_date,
    status: 'open',
    commitment_date: null,
    response: null,
    responded_by: null,
    responded_at: null,
    bounce_count: row.bounce_count,
    previous_id: row.id,
    escalated_to_id: null,
    escalated_at: null,
    fulfilled_at: null,
    created_by: context.actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
    ...values,
  });
}

export const clean = (text: string | null | undefined) => text?.trim() || null;

export async function bounceLimit(trx: Executor): Promise<number> {
  return (await getSupervisionSettings(trx)).coordinationBounceLimit;
}
