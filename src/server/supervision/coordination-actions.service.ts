import type { Actor } from '../auth/actor.js';
import { assertNotPast, type CoordinationDeps, checkTarget } from './coordination.service.js';
import { announceEscalation, escalationLeader } from './coordination-escalation.js';
import { notifyAccepted, notifyDeclined, notifyRequested } from './coordination-notify.js';
import { bounceLimit, change, clean, continueChain, record, runStep } from './coordination-step.js';

// The side asked answers a coordination request: accepts with a commitment date, declines or passes
// it on (bounces, escalating at the limit), then reports it done.

/** The target accepts, committing to a date (today or later). */
export function acceptCoordination(
  deps: CoordinationDeps,
  input: { id: number; commitmentDate: string; response?: string | null | undefined; version: number; actor: Actor },
): Promise<number> {
  return runStep(deps, { ...input, action: 'accept' }, async (context) => {
    assertNotPast(input.commitmentDate, context.today, 'commitmentDate');
    const updated = await change(context, ['open'], {
      status: 'accepted',
      commitment_date: input.commitmentDate,
      response: clean(input.response),
      responded_by: context.actor.userId,
      responded_at: context.now,
    });
    await record(context, 'accepted', { reason: updated.response, detail: { commitmentDate: input.commitmentDate } });
    await notifyAccepted(context.trx, updated, context.actor);
  });
}

/** The target declines with a reason: a bounce; at the limit the request escalates instead. */
export function declineCoordination(
  deps: CoordinationDeps,
  input: { id: number; reason: string; version: number; actor: Actor },
): Promise<number> {
  return runStep(deps, { ...input, action: 'decline' }, async (context) => {
    const { trx, row, now, actor } = context;
    const bounces = row.bounce_count + 1;
    const escalates = bounces >= (await bounceLimit(trx));
    const answer = {
      response: clean(input.reason),
      responded_by: actor.userId,
      responded_at: now,
      bounce_count: bounces,
    };
    const updated = await change(
      context,
      ['open'],
      escalates
        ? {
            ...answer,
            status: 'escalated',
            escalated_to_id: await escalationLeader(trx, row.from_unit_id, row.to_unit_id),
            escalated_at: now,
          }
        : { ...answer, status: 'declined' },
    );
    await record(context, 'declined', { reason: updated.response, detail: { bounces } });
    await notifyDeclined(trx, updated, actor);
    if (escalates) await announceEscalation(trx, updated, { actor, cause: 'bounced', at: now });
  });
}

/**
 * The target passes the request on to another unit: a bounce; a new request in the chain goes to
 * that unit, or — at the limit — is born escalated to the lowest common leader of the asking unit
 * and the one passing it on.
 */
export function passOnCoordination(
  deps: CoordinationDeps,
  input: { id: number; toUnitId: number; reason: string; version: number; actor: Actor },
): Promise<number> {
  return runStep(deps, { ...input, action: 'pass_on' }, async (context) => {
    const { trx, row, now, actor } = context;
    const exclude = row.to_unit_id === null ? [] : [row.to_unit_id];
    const target = await checkTarget(trx, { fromUnitId: row.from_unit_id, toUnitId: input.toUnitId, exclude });
    const bounces = row.bounce_count + 1;
    const escalates = bounces >= (await bounceLimit(trx));
    const updated = await change(context, ['open'], {
      status: 'passed_on',
      response: clean(input.reason),
      responded_by: actor.userId,
      responded_at: now,
    });
    const next = await continueChain(context, {
      to_unit_id: target.toUnitId,
      bounce_count: bounces,
      ...(escalates
        ? {
            status: 'escalated',
            escalated_to_id: await escalationLeader(trx, row.from_unit_id, row.to_unit_id),
            escalated_at: now,
          }
        : {}),
    });
    await record(context, 'passed_on', {
      reason: updated.response,
      detail: { nextId: next.id, toUnitId: target.toUnitId, bounces },
    });
    if (escalates) await announceEscalation(trx, next, { actor, cause: 'bounced', at: now });
    else await notifyRequested(trx, next, actor);
  });
}

/** The target, having accepted, reports the matter done. */
export function fulfilCoordination(
  deps: CoordinationDeps,
  input: { id: number; response?: string | null | undefined; version: number; actor: Actor },
): Promise<number> {
  return runStep(deps, { ...input, action: 'fulfil' }, async (context) => {
    const response = clean(input.response);
    await change(context, ['accepted'], {
      status: 'fulfilled',
      fulfilled_at: context.now,
      ...(response ? { response } : {}),
    });
    await record(context, 'fulfilled', { reason: response });
  });
}
