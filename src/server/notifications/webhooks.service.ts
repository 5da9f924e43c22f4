import { randomBytes } from 'node:crypto';
import type { CreateWebhookInput, UpdateWebhookInput, WebhookFormat } from '../../shared/channels-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import type { DeliveryRow } from './deliveries.repository.js';
import { queueTestDelivery } from './deliveries.service.js';
import {
  deleteWebhookRow,
  findWebhookRow,
  insertWebhookRow,
  listWebhookRows,
  updateWebhookRow,
  type WebhookRow,
} from './webhooks.repository.js';

/** 422 webhook_url_invalid unless the address is an absolute http(s) URL. */
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('webhook_url_invalid', {}, 'url');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new AppError('webhook_url_invalid', {}, 'url');
  }
  return parsed.toString();
}

/** A generic webhook is always signed: without a secret given, one is made (and shown once). */
function secretFor(format: WebhookFormat, secret: string | null | undefined): string | null {
  if (secret) return secret;
  return format === 'generic' ? `whsec_${randomBytes(24).toString('base64url')}` : null;
}

/** What the audit trail keeps of a webhook: never its secret, nor the key in a robot's URL. */
function auditView(row: WebhookRow) {
  return { name: row.name, format: row.format, enabled: row.enabled === 1, kinds: row.kinds, locale: row.locale };
}

async function requireWebhook(db: Database, id: number): Promise<WebhookRow> {
  const row = await findWebhookRow(db, id);
  if (!row) throw new AppError('not_found', { object: 'webhook' });
  return row;
}

/** Every webhook (administrators and the supervision office). */
export function listWebhooks(db: Database, input: { actor: Actor }): Promise<WebhookRow[]> {
  assertAllowed(can.readWebhooks(input.actor));
  return listWebhookRows(db);
}

export async function getWebhook(db: Database, input: { webhookId: number; actor: Actor }): Promise<WebhookRow> {
  assertAllowed(can.readWebhooks(input.actor));
  return requireWebhook(db, input.webhookId);
}

/** Adds a webhook (administrators); answers the row, whose secret the caller sees this once. */
export async function createWebhook(db: Database, input: CreateWebhookInput & { actor: Actor }): Promise<WebhookRow> {
  assertAllowed(can.manageWebhooks(input.actor));
  const url = checkUrl(input.url);
  const at = nowIso();
  return inTransaction(db, async (trx) => {
    const row = await insertWebhookRow(trx, {
      name: input.name.trim(),
      url,
      format: input.format,
      secret: secretFor(input.format, input.secret),
      kinds: JSON.stringify([...new Set(input.kinds ?? [])]),
      locale: input.locale ?? 'zh-CN',
      enabled: input.enabled === false ? 0 : 1,
      created_by: input.actor.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'webhook.create',
      objectType: 'webhook',
      objectId: row.id,
      detail: auditView(row),
    });
    return row;
  });
}

/** Changes a webhook still at `version` (409 otherwise). */
export async function updateWebhook(
  db: Database,
  input: UpdateWebhookInput & { webhookId: number; actor: Actor },
): Promise<WebhookRow> {
  assertAllowed(can.manageWebhooks(input.actor));
  const url = input.url === undefined ? undefined : checkUrl(input.url);
  return inTransaction(db, async (trx) => {
    const before = await findWebhookRow(trx, input.webhookId);
    if (!before) throw new AppError('not_found', { object: 'webhook' });
    const format = input.format ?? before.format;
    const secret = input.secret === undefined ? before.secret : secretFor(format, input.secret);
    const row = await updateWebhookRow(trx, input.webhookId, input.version, {
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(url === undefined ? {} : { url }),
      format,
      secret,
      ...(input.kinds === undefined ? {} : { kinds: JSON.stringify([...new Set(input.kinds)]) }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
      ...(input.enabled === undefined ? {} : { enabled: input.enabled ? 1 : 0 }),
      updated_at: nowIso(),
    });
    if (!row) throw new AppError('version_conflict', { object: 'webhook' });
    await insertAuditEntry(trx, input.actor, {
      action: 'webhook.update',
      objectType: 'webhook',
      objectId: row.id,
      before: auditView(before),
      after: { ...auditView(row), urlChanged: before.url !== row.url, secretChanged: before.secret !== row.secret },
    });
    return row;
  });
}

/** Removes a webhook still at `version`, with its delivery log. */
export async function deleteWebhook(
  db: Database,
  input: { webhookId: number; version: number; actor: Actor },
): Promise<void> {
  assertAllowed(can.manageWebhooks(input.actor));
  await inTransaction(db, async (trx) => {
    const before = await findWebhookRow(trx, input.webhookId);
    if (!before) throw new AppError('not_found', { object: 'webhook' });
    if (!(await deleteWebhookRow(trx, input.webhookId, input.version))) {
      throw new AppError('version_conflict', { object: 'webhook' });
    }
    await insertAuditEntry(trx, input.actor, {
      action: 'webhook.delete',
      objectType: 'webhook',
      objectId: input.webhookId,
      detail: auditView(before),
    });
  });
}

/** Queues a test message to a webhook, even a disabled one; the next delivery run sends it and logs the answer. */
export function testWebhook(db: Database, input: { webhookId: number; actor: Actor }): Promise<DeliveryRow> {
  assertAllowed(can.manageWebhooks(input.actor));
  return inTransaction(db, async (trx) => {
    const row = await findWebhookRow(trx, input.webhookId);
    if (!row) throw new AppError('not_found', { object: 'webhook' });
    return queueTestDelivery(trx, row, nowIso());
  });
}
