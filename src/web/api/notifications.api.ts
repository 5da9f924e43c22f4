import type { NotificationView } from '../../shared/notifications-api.js';
import { apiRequest } from './http.js';
import type { Page } from './types.js';

export type { NotificationView };

/** My notifications, newest first (only unread ones when asked). */
export function listNotifications(
  query: { unread?: boolean; cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<NotificationView>> {
  return apiRequest('/notifications', { query: { ...query, unread: query.unread || undefined }, signal });
}

export function getUnreadCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return apiRequest('/notifications/unread-count', { signal });
}

/** Marks some of my notifications read, or all of them; answers how many remain unread. */
export function markNotificationsRead(input: { ids: number[] } | { all: true }) {
  return apiRequest<{ updated: number; unread: number }>('/notifications/read', { method: 'POST', body: input });
}
