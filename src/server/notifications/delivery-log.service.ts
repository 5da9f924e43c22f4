import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertAllowed, can } from '../policy.js';
import { type DeliveryFilter, type DeliveryListRow, listDeliveryRows } from './deliveries.repository.js';

/** The delivery log, newest first (administrators). */
export async function listDeliveries(
  db: Database,
  input: Omit<DeliveryFilter, 'beforeId'> & { actor: Actor; cursor?: string | undefined },
): Promise<{ items: DeliveryListRow[]; nextCursor: string | null }> {
  assertAllowed(can.readDeliveries(input.actor));
  const after = input.cursor ? decodeCursor(input.cursor, 1) : undefined;
  const beforeId = after ? Number(after[0]) : undefined;
  if (beforeId !== undefined && !Number.isInteger(beforeId)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listDeliveryRows(db, {
    channel: input.channel,
    status: input.status,
    webhookId: input.webhookId,
    beforeId,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}
