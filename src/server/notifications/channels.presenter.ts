import type { DeliveryView, NotificationPrefsView, WebhookView } from '../../shared/channels-api.js';
import type { Config } from '../config.js';
import { isLocale, parseKinds, redactUrl } from './channel-values.js';
import type { DeliveryListRow } from './deliveries.repository.js';
import type { NotificationPrefs } from './prefs.service.js';
import type { WebhookRow } from './webhooks.repository.js';

/**
 * A webhook as the API shows it: never its secret; the address in full only to those who manage
 * webhooks (a robot's address is its key).
 */
export function presentWebhook(row: WebhookRow, options: { fullUrl: boolean }): WebhookView {
  return {
    id: row.id,
    name: row.name,
    url: options.fullUrl ? row.url : redactUrl(row.url),
    format: row.format,
    hasSecret: row.secret !== null && row.secret !== '',
    kinds: parseKinds(row.kinds) as WebhookView['kinds'],
    locale: isLocale(row.locale) ? row.locale : 'zh-CN',
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** One line of the delivery log (the payload stays inside: it may hold a whole email). */
export function presentDelivery(row: DeliveryListRow): DeliveryView {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    target: row.target,
    subject: row.subject,
    userId: row.user_id,
    webhookId: row.webhook_id,
    webhookName: row.webhook_name,
    notificationId: row.notification_id,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export function presentPrefs(
  prefs: NotificationPrefs,
  config: Pick<Config, 'smtpUrl' | 'digestHour'>,
): NotificationPrefsView {
  return { ...prefs, emailAvailable: Boolean(config.smtpUrl), digestHour: config.digestHour };
}
