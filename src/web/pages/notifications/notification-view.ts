import type { TFunction } from 'i18next';
import type { NotificationKind } from '../../../shared/notifications-api.js';
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

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** A notification in the UI language, from its kind and params (the server keeps no sentences). */
export function notificationText(notification: NotificationView, t: TFunction): string {
  const task =
    notification.taskNumber !== undefined && notification.taskTitle !== undefined
      ? t('notifications.taskRef', { number: notification.taskNumber, title: notification.taskTitle })
      : t('notifications.someTask');
  const { params } = notification;
  return t(`notifications.kinds.${notification.kind}`, {
    task,
    reason: text(params.reason),
    period: text(params.period),
    dueDate: text(params.dueDate),
  });
}
