import type {
  CreateWebhookInput,
  DeliveryChannel,
  DeliveryPage,
  DeliveryStatus,
  DeliveryView,
  DigestPreview,
  NotificationPrefsView,
  UpdatePrefsInput,
  UpdateWebhookInput,
  WebhookCreatedView,
  WebhookView,
} from '../../shared/channels-api.js';
import { apiRequest } from './http.js';
import type { ItemList } from './types.js';

export type { DeliveryView, DigestPreview, NotificationPrefsView, WebhookCreatedView, WebhookView };

/** My notification preferences (version 0 until first saved). */
export function getNotificationPrefs(signal?: AbortSignal): Promise<NotificationPrefsView> {
  return apiRequest('/me/notification-prefs', { signal });
}

export function updateNotificationPrefs(input: UpdatePrefsInput): Promise<NotificationPrefsView> {
  return apiRequest('/me/notification-prefs', { method: 'PUT', body: input });
}

/** My daily digest as it would be emailed today. */
export function getDigestPreview(signal?: AbortSignal): Promise<DigestPreview> {
  return apiRequest('/me/digest-preview', { signal });
}

export function listWebhooks(signal?: AbortSignal): Promise<ItemList<WebhookView>> {
  return apiRequest('/webhooks', { signal });
}

/** Adds a webhook; the answer carries its secret this once. */
export function createWebhook(input: CreateWebhookInput): Promise<WebhookCreatedView> {
  return apiRequest('/webhooks', { method: 'POST', body: input });
}

export function updateWebhook(id: number, input: UpdateWebhookInput): Promise<WebhookView> {
  return apiRequest(`/webhooks/${id}`, { method: 'PATCH', body: input });
}

export function deleteWebhook(id: number, version: number): Promise<void> {
  return apiRequest(`/webhooks/${id}`, { method: 'DELETE', query: { version } });
}

/** Queues a test message; the answer is the queued delivery. */
export function testWebhook(id: number): Promise<DeliveryView> {
  return apiRequest(`/webhooks/${id}/test`, { method: 'POST' });
}

export interface DeliveryFilters {
  channel?: DeliveryChannel;
  status?: DeliveryStatus;
}

/** The delivery log, newest first, a page at a time. */
export function listDeliveries(
  query: DeliveryFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<DeliveryPage> {
  return apiRequest('/deliveries', { query: { ...query }, signal });
}
