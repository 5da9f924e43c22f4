import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { assertNotPast, type CoordinationDeps, checkTarget } from './coordination.service.js';
import { notifyRequested, notifyResolved } from './coordination-notify.js';
import { change, clean, continueChain, record, runStep } from './coordination-step.js';

// The asking unit withdraws or re-sends its request; the leader it escalated to decides it.

/** The asker withdraws an open or accepted request. */
export function withdrawCoordination(
  deps: CoordinationDeps,
  input: { id: number; reason?: string | null | undefined; version: number; actor: Actor },
): Promise<number> {
  return runStep(deps, { ...input, action: 'withdraw' }, async (context) => {
    await change(context, ['open', 'accepted'], { status: 'withdrawn' });
    await record(context, 'withdrawn', { reason: clean(input.reason) });
  });
}

/** The asker sends a declined request to another unit or a leader; the chain keeps its bounces. */
export function resendCoordination(
  deps: CoordinationDeps,
  input: {
    id: number;
    toUnitId?: number | null | undefined;
    toLeaderId?: number | null | undefined;
    dueDate: string;
    version: number;
    actor: Actor;
  },
): Promise<number> {
  return runStep(deps, { ...input, action: 'resend' }, async (context) => {
    const { trx, row } = context;
    const target = await checkTarget(trx, {
      fromUnitId: row.from_unit_id,
      toUnitId: input.toUnitId,
      toLeaderId: input.toLeaderId,
      exclude: row.to_unit_id === null ? [] : [row.to_unit_id],
    });
    if (target.toLeaderId !== null && target.toLeaderId === row.to_leader_id) {
      throw new AppError('coordination_target_invalid', {}, 'toLeaderId');
    }
    assertNotPast(input.dueDate, context.today, 'dueDate');
    await change(context, ['declined'], {});
    const next = await continueChain(context, {
      to_unit_id: target.toUnitId,
      to_leader_id: target.toLeaderId,
      due_date: input.dueDate,
    });
    await record(context, 'resent', { detail: { nextId: next.id, ...target, dueDate: input.dueDate } });
    await notifyRequested(trx, next, context.actor);
  });
}

/**
 * The leader it escalated to (or a supervisor, when it escalated to nobody) decides. With a unit and
 * a due date the matter goes to that unit as a new open request; without, the decision settles it:
 * a fulfilled request addressed to the decider, holding the decision.
 */
export function resolveCoordination(
  deps: CoordinationDeps,
  input: {
    id: number;
    response: string;
    toUnitId?: number | null | undefined;
    dueDate?: string | null | undefined;
    version: number;
    actor: Actor;
  },
): Promise<number> {
  return runStep(deps, { ...input, action: 'resolve' }, async (context) => {
    const { trx, row, now, actor } = context;
    const decision = input.response.trim();
    const toUnitId = input.toUnitId ?? null;
    if (toUnitId !== null) {
      await checkTarget(trx, { fromUnitId: row.from_unit_id, toUnitId });
      if (!input.dueDate) throw new AppError('validation_failed', { summary: 'dueDate' }, 'dueDate');
      assertNotPast(input.dueDate, context.today, 'dueDate');
    }
    const updated = await change(context, ['escalated'], {});
    const next = await continueChain(
      context,
      toUnitId !== null
        ? { to_unit_id: toUnitId, due_date: input.dueDate ?? row.due_date }
        : {
            to_leader_id: actor.userId,
            status: 'fulfilled',
            response: decision,
            responded_by: actor.userId,
            responded_at: now,
            fulfilled_at: now,
          },
    );
    await record(context, 'resolved', { reason: decision, detail: { nextId: next.id, toUnitId } });
    await notifyResolved(trx, updated, decision, actor);
    if (toUnitId !== null) await notifyRequested(trx, next, actor);
  });
}
