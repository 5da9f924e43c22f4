import type { Locale } from '../../../shared/locales.js';
import {
  type NotificationKind,
  notificationText as sharedNotificationText,
} from '../../../shared/notifications-api.js';
import type { NotificationView } from '../../api/notifications.api.js';

/** The task detail tab a kind of notification is about. */
export function notificationTab(kind: NotificationKind): string | null {
  if (kind.startsWith('plan.')) return 'plan';
  if (kind.startsWith('report.')) return 'reports';
  if (kind.startsWith('closure.')) return 'closure';
  return null;
}

/** Where a notification leads: its task, on the tab it is about; nowhere when the task is gone. */
export function notificationLink(
  notification: Pick<NotificationView, 'kind' | 'taskId' | 'taskNumber'>,
): string | null {
  if (notification.taskId === null || notification.taskNumber === undefined) return null;
  const tab = notificationTab(notification.kind);
  return `/tasks/${notification.taskId}${tab ? `?tab=${tab}` : ''}`;
}

/**
 * A notification in the UI language, from its kind and params (the server keeps no sentences): the
 * same texts the server uses for email and webhooks (src/shared/notifications-api.ts).
 */
export function notificationText(notification: NotificationView, locale: Locale): string {
  const task =
    notification.taskNumber !== undefined && notification.taskTitle !== undefined
      ? { number: notification.taskNumber, title: notification.taskTitle }
      : undefined;
  return sharedNotificationText(locale, {
    kind: notification.kind,
    params: notification.params,
    ...(task ? { task } : {}),
  });
}
