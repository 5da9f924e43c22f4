import type { CoordinationBox } from '../../shared/coordination-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { can } from '../policy.js';
import { inChargePaths } from '../tasks/task-access.js';
import { type CoordinationRow, listActiveLeaders } from './coordination.repository.js';
import { type CoordinationDeps, todayOf } from './coordination.service.js';
import { type CoordinationScope, countByTargetUnit, listQueueRows } from './coordination-queue.repository.js';

// The coordination queues and counts the supervision desk and each unit's page show.

/** `state`: active (open, accepted, escalated awaiting a decision), late commitments only, or all. */
export type CoordinationQueueState = 'active' | 'late' | 'all';

/** What the caller may see: their own unit's requests, a leader's subtrees, or all of them. */
export async function coordinationScopeOf(db: Executor, actor: Actor): Promise<CoordinationScope> {
  const member = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  return {
    userId: actor.userId,
    unitId: member ? actor.unitId : null,
    seesAll: can.seeAllTasks(actor),
    leaderPaths: await inChargePaths(db, actor),
  };
}

/**
 * One box of the caller's queue, newest first: `incoming` (to my unit or to me as leader),
 * `outgoing` (from my unit), `escalated` (to me as leader; all of them for the supervision office),
 * `all` (everything in scope). The scope is part of the query, never a filter afterwards.
 */
export async function listCoordinationQueue(
  deps: CoordinationDeps,
  input: {
    actor: Actor;
    box: CoordinationBox;
    state: CoordinationQueueState;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ rows: CoordinationRow[]; nextCursor: string | null; today: string }> {
  const today = todayOf(deps.config);
  const position = input.cursor ? decodeCursor(input.cursor, 1) : undefined;
  const beforeId = position ? Number(position[0]) : undefined;
  if (beforeId !== undefined && !Number.isInteger(beforeId)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listQueueRows(deps.db, {
    scope: await coordinationScopeOf(deps.db, input.actor),
    box: input.box,
    activeOnly: input.state === 'active',
    lateOnly: input.state === 'late',
    today,
    beforeId,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null, today };
}

/** Per unit asked, in the caller's scope: received, declined, passed on, escalated, open, late. */
export async function coordinationStats(deps: CoordinationDeps, input: { actor: Actor }) {
  const today = todayOf(deps.config);
  const rows = await countByTargetUnit(deps.db, { scope: await coordinationScopeOf(deps.db, input.actor), today });
  return { rows, today };
}

/** The leaders a request may be addressed to. */
export function listCoordinationLeaders(db: Executor) {
  return listActiveLeaders(db);
}
