import type { DeliveryChannel } from '../../shared/channels-api.js';
import type { Config } from '../config.js';
import type { Database, Dialect } from '../db/connect.js';
import { recipientLocale } from './channel-values.js';
import { claimDueDeliveries, type DeliveryRow, markDeliveryFailed, markDeliverySent } from './deliveries.repository.js';
import { createEmailSender, type EmailAttachment, type EmailSender, type SendOutcome } from './email.sender.js';
import { postWebhook } from './webhook.sender.js';
import { buildWebhookRequest, type WebhookEvent } from './webhook-formats.js';
import { findWebhookRows, type WebhookRow } from './webhooks.repository.js';

/** After this many failed attempts a delivery is given up (`dead`): about six hours of retries. */
export const MAX_ATTEMPTS = 10;
/** The longest wait between two attempts. */
const MAX_DELAY_MINUTES = 120;
/** How long a claim holds: longer than a batch can take (sends run five at a time, each ≤ 20 s). */
const LEASE_MS = 15 * 60_000;
/** Deliveries claimed per run. */
export const DELIVERY_BATCH = 50;
const PARALLEL = 5;
/** Errors are stored this long at most. */
const ERROR_MAX = 500;

export interface DeliveryJobDeps {
  db: Database;
  dialect: Dialect;
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  /** The email sender; by default one is made from the configuration for the run (none without SMTP). */
  email?: EmailSender | null;
  fetchImpl?: typeof fetch;
}

export interface DeliveryRunResult {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
}

/** The wait before the next attempt after `attempts` failures: 1, 2, 4, 8 … minutes, at most two hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_DELAY_MINUTES) * 60_000;
}

interface Attempt extends SendOutcome {
  /** Retrying cannot help (the webhook was disabled): give up at once. */
  final?: boolean;
}

function parsePayload<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

async function sendEmail(row: DeliveryRow, email: EmailSender): Promise<Attempt> {
  const body = parsePayload<{ text: string; html: string; attachments?: EmailAttachment[] }>(row.payload);
  if (!body) return { ok: false, status: null, error: 'payload unreadable', final: true };
  const mail = { to: row.target, subject: row.subject ?? '', text: body.text, html: body.html };
  return email.send(body.attachments?.length ? { ...mail, attachments: body.attachments } : mail);
}

async function sendWebhook(
  row: DeliveryRow,
  webhook: WebhookRow | undefined,
  now: Date,
  fetchImpl: typeof fetch | undefined,
): Promise<Attempt> {
  if (!webhook) return { ok: false, status: null, error: 'webhook removed', final: true };
  const event = parsePayload<WebhookEvent>(row.payload);
  if (!event) return { ok: false, status: null, error: 'payload unreadable', final: true };
  // A test goes out even while the webhook is off: that is when an administrator tries it.
  if (!webhook.enabled && event.kind !== 'webhook.test') {
    return { ok: false, status: null, error: 'webhook disabled', final: true };
  }
  const request = buildWebhookRequest(
    { format: webhook.format, url: webhook.url, secret: webhook.secret, locale: recipientLocale(webhook.locale) },
    event,
    now,
  );
  return postWebhook(request, webhook.format, fetchImpl ? { fetchImpl } : {});
}

/**
 * One run of the outbox: claims due deliveries (safely beside other nodes), sends them, and marks
 * each sent, or pending again after a back-off, or dead after MAX_ATTEMPTS. Email and digests are
 * left for a node that has SMTP configured. `now` lets tests move the clock instead of sleeping.
 */
export async function deliverDue(
  deps: DeliveryJobDeps,
  options: { now?: Date; limit?: number } = {},
): Promise<DeliveryRunResult> {
  const clock = () => options.now ?? new Date();
  const started = clock();
  const ownEmail = deps.email === undefined ? createEmailSender(deps.config) : null;
  const email = deps.email === undefined ? ownEmail : deps.email;
  const channels: DeliveryChannel[] = email ? ['webhook', 'email', 'digest'] : ['webhook'];
  const result: DeliveryRunResult = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
  try {
    const rows = await claimDueDeliveries(deps.db, deps.dialect, {
      now: started.toISOString(),
      leaseUntil: new Date(started.getTime() + LEASE_MS).toISOString(),
      limit: options.limit ?? DELIVERY_BATCH,
      channels,
    });
    result.claimed = rows.length;
    const webhookIds = [...new Set(rows.flatMap((row) => (row.webhook_id === null ? [] : [row.webhook_id])))];
    const webhooks = await findWebhookRows(deps.db, webhookIds);
    for (let start = 0; start < rows.length; start += PARALLEL) {
      await Promise.all(
        rows.slice(start, start + PARALLEL).map(async (row) => {
          const attempt =
            row.channel === 'webhook'
              ? await sendWebhook(row, webhooks.get(row.webhook_id ?? 0), clock(), deps.fetchImpl)
              : await sendEmail(row, email as EmailSender);
          const outcome = await recordAttempt(deps.db, row, attempt, clock());
          result[outcome] += 1;
        }),
      );
    }
  } finally {
    ownEmail?.close();
  }
  return result;
}

/** Writes how an attempt went; answers what became of the delivery. */
async function recordAttempt(
  db: Database,
  row: DeliveryRow,
  attempt: Attempt,
  at: Date,
): Promise<'sent' | 'retrying' | 'dead'> {
  const attempts = row.attempts + 1;
  if (attempt.ok) {
    await markDeliverySent(db, row.id, { at: at.toISOString(), attempts, status: attempt.status });
    return 'sent';
  }
  const giveUp = attempt.final === true || attempts >= MAX_ATTEMPTS;
  await markDeliveryFailed(db, row.id, {
    attempts,
    status: attempt.status,
    error: (attempt.error ?? 'failed').slice(0, ERROR_MAX),
    nextAttemptAt: giveUp ? null : new Date(at.getTime() + retryDelayMs(attempts)).toISOString(),
  });
  return giveUp ? 'dead' : 'retrying';
}
