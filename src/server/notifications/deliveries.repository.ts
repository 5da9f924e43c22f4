import type { Insertable, Selectable } from 'kysely';
import type { DeliveryChannel, DeliveryStatus } from '../../shared/channels-api.js';
import type { Dialect, Executor } from '../db/connect.js';
import type { DeliveryTable } from '../db/schema-supervision.js';

export type DeliveryRow = Selectable<DeliveryTable>;
export type NewDeliveryRow = Insertable<DeliveryTable>;

/** Rows per INSERT, well under SQLite's limit on bound parameters (14 columns a row). */
const INSERT_CHUNK = 100;

/** A recipient as the outbox needs them: their address and preferences (null when never saved). */
export interface ChannelRecipientRow {
  id: number;
  email: string | null;
  locale: string | null;
  email_enabled: number | null;
  muted_kinds: string | null;
}

/**
 * Of these people, those with an email address, with their preferences: one query for all the
 * recipients of a notification (users primary key, notification_prefs primary key).
 */
export function findChannelRecipients(db: Executor, userIds: readonly number[]): Promise<ChannelRecipientRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('notification_prefs as p', 'p.user_id', 'users.id')
    .select(['users.id', 'users.email', 'p.locale', 'p.email_enabled', 'p.muted_kinds'])
    .where('users.id', 'in', [...userIds])
    .where('users.email', 'is not', null)
    .where('users.email', '<>', '')
    .execute();
}

/** A task's number and title for message texts. */
export function findTaskHeadline(
  db: Executor,
  taskId: number,
): Promise<{ id: number; number: string; title: string } | undefined> {
  return db.selectFrom('tasks').select(['id', 'number', 'title']).where('id', '=', taskId).executeTakeFirst();
}

/** Queues deliveries; one whose dedupe key is already queued or sent is left out. */
export async function insertDeliveries(db: Executor, rows: readonly NewDeliveryRow[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const result = await db
      .insertInto('deliveries')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Queues one delivery and answers it. */
export function insertDeliveryRow(db: Executor, row: NewDeliveryRow): Promise<DeliveryRow> {
  return db.insertInto('deliveries').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Claims up to `limit` pending deliveries that are due and not claimed by a live lease, setting
 * the lease, in one statement (deliveries_due_idx). On PostgreSQL the inner select locks the rows
 * it picks and skips rows another node is claiming at that moment (FOR UPDATE SKIP LOCKED), so
 * nodes claiming together take different rows; SQLite runs one writer at a time.
 */
export async function claimDueDeliveries(
  db: Executor,
  dialect: Dialect,
  claim: { now: string; leaseUntil: string; limit: number; channels: readonly DeliveryChannel[] },
): Promise<DeliveryRow[]> {
  if (claim.channels.length === 0) return [];
  const rows = await db
    .updateTable('deliveries')
    .set({ claimed_until: claim.leaseUntil })
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('deliveries as d')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', claim.now)
        .where('d.channel', 'in', [...claim.channels])
        .where((w) => w.or([w('d.claimed_until', 'is', null), w('d.claimed_until', '<', claim.now)]))
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .limit(claim.limit);
      return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/** Marks a claimed delivery sent. */
export async function markDeliverySent(
  db: Executor,
  id: number,
  outcome: { at: string; attempts: number; status: number | null },
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: 'sent',
      sent_at: outcome.at,
      attempts: outcome.attempts,
      last_status: outcome.status,
      last_error: null,
      claimed_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records a failed attempt: pending again from `nextAttemptAt`, or dead when given up. */
export async function markDeliveryFailed(
  db: Executor,
  id: number,
  outcome: { attempts: number; status: number | null; error: string; nextAttemptAt: string | null },
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: outcome.nextAttemptAt === null ? 'dead' : 'pending',
      attempts: outcome.attempts,
      last_status: outcome.status,
      last_error: outcome.error,
      claimed_until: null,
      ...(outcome.nextAttemptAt === null ? {} : { next_attempt_at: outcome.nextAttemptAt }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A logged delivery with its webhook's name. */
export interface DeliveryListRow extends DeliveryRow {
  webhook_name: string | null;
}

export interface DeliveryFilter {
  channel?: DeliveryChannel | undefined;
  status?: DeliveryStatus | undefined;
  webhookId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * A page of the delivery log, newest first, keyset on id (primary key; deliveries_webhook_idx for
 * one webhook's deliveries).
 */
export function listDeliveryRows(db: Executor, filter: DeliveryFilter): Promise<DeliveryListRow[]> {
  let query = db
    .selectFrom('deliveries')
    .leftJoin('webhooks', 'webhooks.id', 'deliveries.webhook_id')
    .selectAll('deliveries')
    .select('webhooks.name as webhook_name');
  if (filter.channel) query = query.where('deliveries.channel', '=', filter.channel);
  if (filter.status) query = query.where('deliveries.status', '=', filter.status);
  if (filter.webhookId !== undefined) query = query.where('deliveries.webhook_id', '=', filter.webhookId);
  if (filter.beforeId !== undefined) query = query.where('deliveries.id', '<', filter.beforeId);
  return query.orderBy('deliveries.id', 'desc').limit(filter.limit).execute();
}

/** One delivery with its webhook's name. */
export function findDeliveryRow(db: Executor, id: number): Promise<DeliveryListRow | undefined> {
  return db
    .selectFrom('deliveries')
    .leftJoin('webhooks', 'webhooks.id', 'deliveries.webhook_id')
    .selectAll('deliveries')
    .select('webhooks.name as webhook_name')
    .where('deliveries.id', '=', id)
    .executeTakeFirst();
}

/**
 * Removes sent and given-up deliveries last attempted before `before` (deliveries_due_idx: status,
 * then next_attempt_at); answers how many. Pending ones are never removed.
 */
export async function purgeDeliveries(db: Executor, before: string): Promise<number> {
  const result = await db
    .deleteFrom('deliveries')
    .where('status', 'in', ['sent', 'dead'])
    .where('next_attempt_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
