import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { WebhookTable } from '../db/schema-supervision.js';

export type WebhookRow = Selectable<WebhookTable>;

/** Every webhook, oldest first (a handful per organisation). */
export function listWebhookRows(db: Executor): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().orderBy('id').execute();
}

/** The enabled webhooks: what `notify()` reads once per event. */
export function listEnabledWebhookRows(db: Executor): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export function findWebhookRow(db: Executor, id: number): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** These webhooks by id (the delivery job's batch). */
export async function findWebhookRows(db: Executor, ids: readonly number[]): Promise<Map<number, WebhookRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export function insertWebhookRow(db: Executor, row: Insertable<WebhookTable>): Promise<WebhookRow> {
  return db.insertInto('webhooks').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a webhook if it is still at `version`; undefined when it is not (or is gone). */
export function updateWebhookRow(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<WebhookTable>,
): Promise<WebhookRow | undefined> {
  return db
    .updateTable('webhooks')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a webhook still at `version` (its deliveries go with it); false when it is not. */
export async function deleteWebhookRow(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
