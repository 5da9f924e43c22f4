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

/** Pages of things that are not tasks, by the notification's subject type. */
const SUBJECT_PAGES: Record<string, string> = {
  bulletin: '/bulletins',
  case: '/cases',
  accountability: '/accountability',
};

/**
 * Where a notification leads: a bulletin, case or accountability record to its own page; otherwise
 * its task, on the tab it is about; nowhere when the task is gone.
 */
export function notificationLink(
  notification: Pick<NotificationView, 'kind' | 'taskId' | 'taskNumber'> &
    Partial<Pick<NotificationView, 'subjectType' | 'subjectId'>>,
): string | null {
  const page = notification.subjectType ? SUBJECT_PAGES[notification.subjectType] : undefined;
  if (page && notification.subjectId != null) return `${page}/${notification.subjectId}`;
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
