import { randomUUID } from 'node:crypto';
import { DIGEST_KIND } from '../../shared/channels-api.js';
import type { Locale } from '../../shared/locales.js';
import { type NotificationKind, notificationText } from '../../shared/notifications-api.js';
import type { Executor } from '../db/connect.js';
import { channelRuntime } from './channel-runtime.js';
import { CHANNEL_TEXTS, fillText } from './channel-texts.js';
import { parseKinds, recipientLocale, redactUrl } from './channel-values.js';
import {
  type ChannelRecipientRow,
  type DeliveryRow,
  findChannelRecipients,
  findTaskHeadline,
  insertDeliveries,
  insertDeliveryRow,
  type NewDeliveryRow,
} from './deliveries.repository.js';
import { emailSubject, renderEmail } from './email-content.js';
import type { WebhookEvent } from './webhook-formats.js';
import { listEnabledWebhookRows, type WebhookRow } from './webhooks.repository.js';

/** An event `notify()` has just put in the inboxes, and the rows it wrote. */
export interface NotifiedEvent {
  kind: NotificationKind;
  taskId: number | null;
  params: Record<string, unknown>;
  createdAt: string;
  /** One inbox row per recipient. */
  notifications: readonly { id: number; userId: number }[];
}

/** Email is on unless switched off, and the kind is not muted (absent preferences: everything). */
function wantsEmail(recipient: ChannelRecipientRow, kind: NotificationKind): boolean {
  if (recipient.email_enabled === 0) return false;
  return !parseKinds(recipient.muted_kinds).includes(kind);
}

function listensTo(webhook: WebhookRow, kind: NotificationKind): boolean {
  const kinds = parseKinds(webhook.kinds);
  return kinds.length === 0 || kinds.includes(kind);
}

function pendingRow(
  fields: Omit<NewDeliveryRow, 'status' | 'attempts' | 'next_attempt_at' | 'created_at'>,
  at: string,
) {
  return { ...fields, status: 'pending' as const, attempts: 0, next_attempt_at: at, created_at: at };
}

/**
 * Queues the emails and webhook calls announcing an event, inside `notify()`'s transaction (a
 * rolled-back change sends nothing): an email per recipient with an address, email on and the kind
 * not muted, in their language; a call per enabled webhook listening to the kind, once per event.
 * Three reads at most (recipients with preferences, webhooks, the task) and one insert.
 */
export async function enqueueDeliveries(trx: Executor, event: NotifiedEvent): Promise<number> {
  if (event.kind === DIGEST_KIND || event.notifications.length === 0) return 0;
  const runtime = channelRuntime();
  const [recipients, webhooks] = await Promise.all([
    runtime.emailOn
      ? findChannelRecipients(
          trx,
          event.notifications.map((n) => n.userId),
        )
      : Promise.resolve([]),
    listEnabledWebhookRows(trx),
  ]);
  const emailTo = recipients.filter((recipient) => wantsEmail(recipient, event.kind));
  const hooks = webhooks.filter((webhook) => listensTo(webhook, event.kind));
  if (emailTo.length === 0 && hooks.length === 0) return 0;

  const task = event.taskId === null ? undefined : await findTaskHeadline(trx, event.taskId);
  const link = task ? `${runtime.publicUrl}/tasks/${task.id}` : `${runtime.publicUrl}/notifications`;
  const preferencesUrl = `${runtime.publicUrl}/notifications/preferences`;
  const textIn = (locale: Locale) =>
    notificationText(locale, { kind: event.kind, params: event.params, ...(task ? { task } : {}) });
  const notificationOf = new Map(event.notifications.map((n) => [n.userId, n.id]));
  const rows: NewDeliveryRow[] = [];

  for (const recipient of emailTo) {
    const notificationId = notificationOf.get(recipient.id);
    if (notificationId === undefined || !recipient.email) continue;
    const locale = recipientLocale(recipient.locale);
    const text = textIn(locale);
    const texts = CHANNEL_TEXTS[locale];
    const mail = renderEmail({
      locale,
      subject: emailSubject(locale, text),
      paragraphs: [text],
      link: { label: task ? texts.openTask : texts.openInbox, url: link },
      preferencesUrl,
    });
    rows.push(
      pendingRow(
        {
          channel: 'email',
          dedupe_key: `email:${notificationId}`,
          user_id: recipient.id,
          notification_id: notificationId,
          target: recipient.email,
          subject: mail.subject,
          payload: JSON.stringify({ text: mail.text, html: mail.html }),
        },
        event.createdAt,
      ),
    );
  }

  const eventId = `n${Math.min(...event.notifications.map((n) => n.id))}`;
  for (const webhook of hooks) {
    const locale = recipientLocale(webhook.locale);
    const payload: WebhookEvent = {
      id: eventId,
      kind: event.kind,
      text: textIn(locale),
      task: task ? { id: task.id, number: task.number, title: task.title } : null,
      params: event.params,
      createdAt: event.createdAt,
      link,
    };
    rows.push(
      pendingRow(
        {
          channel: 'webhook',
          dedupe_key: `webhook:${webhook.id}:${eventId}`,
          webhook_id: webhook.id,
          target: redactUrl(webhook.url),
          subject: payload.text.slice(0, 200),
          payload: JSON.stringify(payload),
        },
        event.createdAt,
      ),
    );
  }
  return insertDeliveries(trx, rows);
}

/** Queues a test message to one webhook (sent by the next delivery run, logged like the others). */
export function queueTestDelivery(trx: Executor, webhook: WebhookRow, at: string): Promise<DeliveryRow> {
  const runtime = channelRuntime();
  const locale = recipientLocale(webhook.locale);
  const id = `test-${randomUUID()}`;
  const payload: WebhookEvent = {
    id,
    kind: 'webhook.test',
    text: fillText(CHANNEL_TEXTS[locale].testMessage, { name: webhook.name }),
    task: null,
    params: {},
    createdAt: at,
    link: `${runtime.publicUrl}/notifications`,
  };
  return insertDeliveryRow(
    trx,
    pendingRow(
      {
        channel: 'webhook',
        dedupe_key: `webhook:${webhook.id}:${id}`,
        webhook_id: webhook.id,
        target: redactUrl(webhook.url),
        subject: payload.text.slice(0, 200),
        payload: JSON.stringify(payload),
      },
      at,
    ),
  );
}
