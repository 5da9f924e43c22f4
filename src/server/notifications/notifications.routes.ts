import { z } from 'zod';
import {
  markReadBody,
  markReadResultSchema,
  type NotificationKind,
  type NotificationView,
  notificationPageSchema,
  unreadCountSchema,
} from '../../shared/notifications-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, queryBoolean } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import {
  countMyUnread,
  type ListedNotification,
  listMyNotifications,
  markMyNotificationsRead,
} from './notifications.service.js';

const tags = ['notifications'];

function parseParams(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One notification as the inbox shows it; the task's number and title only while it is visible. */
function presentNotification({ row, taskVisible }: ListedNotification): NotificationView {
  return {
    id: row.id,
    // notify() only writes kinds from NOTIFICATION_KINDS.
    kind: row.kind as NotificationKind,
    taskId: row.task_id,
    ...(taskVisible && row.task_number !== null && row.task_title !== null
      ? { taskNumber: row.task_number, taskTitle: row.task_title }
      : {}),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    params: parseParams(row.params),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

const listQuery = z.strictObject({
  unread: queryBoolean.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The in-app inbox (通知): each person sees and marks only their own notifications. */
export function registerNotificationRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/notifications', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'My notifications, newest first',
      querystring: listQuery,
      response: { 200: notificationPageSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { unread, cursor, limit } = request.query;
      const page = await listMyNotifications(db, {
        actor: requireActor(request),
        unreadOnly: unread ?? false,
        cursor,
        limit,
      });
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
    },
  });

  app.get('/notifications/unread-count', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'How many of my notifications are unread',
      response: { 200: unreadCountSchema, ...errorResponses },
    },
    handler: async (request) => ({ unread: await countMyUnread(db, { actor: requireActor(request) }) }),
  });

  app.post('/notifications/read', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Mark some or all of my notifications read',
      body: markReadBody,
      response: { 200: markReadResultSchema, ...errorResponses },
    },
    handler: async (request) =>
      markMyNotificationsRead(db, { actor: requireActor(request), ids: request.body.ids, all: request.body.all }),
  });
}
