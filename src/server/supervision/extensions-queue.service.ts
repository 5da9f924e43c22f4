import type { ExtensionQueueFilter } from '../../shared/extensions-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Dialect } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { can } from '../policy.js';
import { inChargePaths } from '../tasks/task-access.js';
import { type ExtensionQueueRow, type ExtensionViewer, listExtensionQueueRows } from './extensions.repository.js';

/** Whose requests the caller sees and decides, from their roles (a person may hold several). */
async function viewerOf(db: Database, actor: Actor): Promise<ExtensionViewer> {
  const isMember = actor.roles.has('unit_head') || actor.roles.has('unit_staff');
  const isLeader = actor.roles.has('leader') && actor.userId !== null;
  return {
    all: can.seeAllTasks(actor),
    supervision: actor.roles.has('supervisor') || actor.roles.has('admin'),
    unitId: isMember ? actor.unitId : null,
    leader: isLeader ? { userId: actor.userId as number, paths: await inChargePaths(db, actor) } : null,
  };
}

/**
 * The extension queue, newest first: `pending` is what waits for the caller (the supervision
 * office's first decisions, a leader's second decisions on their tasks, a unit's own requests still
 * undecided); `all` or a status lists what the caller may see. The scope is part of the query.
 */
export async function listExtensionQueue(
  deps: { db: Database; dialect: Dialect },
  input: { status: ExtensionQueueFilter; cursor?: string | undefined; limit: number; actor: Actor },
): Promise<{ rows: ExtensionQueueRow[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 1)[0] : undefined;
  if (after !== undefined && !Number.isInteger(after)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listExtensionQueueRows(deps.db, deps.dialect, await viewerOf(deps.db, input.actor), {
    status: input.status,
    beforeId: after === undefined ? undefined : Number(after),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}
