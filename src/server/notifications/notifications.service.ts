import type { NotificationKind } from '../../shared/notifications-api.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { inChargePaths, relationsTo } from '../tasks/task-access.js';
import { listTaskUnitRows, type TaskUnitRow } from '../tasks/tasks.repository.js';
import { enqueueDeliveries } from './deliveries.service.js';
import {
  activeHoldersOf,
  activeLeadersOver,
  activeMemberIds,
  activeUserIds,
  countUnread,
  insertNotificationRows,
  listNotificationRows,
  markRead,
  type NotificationListRow,
} from './notifications.repository.js';

/** The roles `notify` can address: members of units, leaders over units, the supervision office. */
export type NotifyRole = 'unit_head' | 'unit_staff' | 'supervisor' | 'leader';

export interface NotifyInput {
  /** These people, directly. */
  userIds?: readonly number[];
  /** With `roles`: the units whose people are addressed. */
  unitIds?: readonly number[];
  /**
   * `unit_head` / `unit_staff`: active members of `unitIds` holding the role; `leader`: active
   * leaders in charge of one of `unitIds` or a unit above it; `supervisor`: every active
   * supervisor, whatever the units.
   */
  roles?: readonly NotifyRole[];
  kind: NotificationKind;
  taskId: number | null;
  subjectType?: string | null;
  subjectId?: number | null;
  /** Values for the display text (`reason`, `period`, `dueDate`…); stored as JSON. */
  params?: Record<string, string | number | boolean | null>;
  /** Who caused it: never notified of their own action. */
  actor?: Actor | null;
}

/** Everyone `notify` would address, deduplicated, without the actor. */
export async function resolveRecipients(trx: Executor, input: NotifyInput): Promise<number[]> {
  const roles = new Set(input.roles ?? []);
  const unitIds = [...new Set(input.unitIds ?? [])];
  const memberRoles = [...roles].filter((role) => role === 'unit_head' || role === 'unit_staff');
  const groups = await Promise.all([
    activeUserIds(trx, [...new Set(input.userIds ?? [])]),
    activeMemberIds(trx, unitIds, memberRoles),
    roles.has('supervisor') ? activeHoldersOf(trx, 'supervisor') : Promise.resolve([]),
    roles.has('leader') ? activeLeadersOver(trx, unitIds) : Promise.resolve([]),
  ]);
  const recipients = new Set(groups.flat());
  const actorId = input.actor?.userId;
  if (actorId !== undefined && actorId !== null) recipients.delete(actorId);
  return [...recipients].sort((a, b) => a - b);
}

/**
 * Puts a notification in the inbox of everyone it addresses, inside the caller's transaction (so a
 * rolled-back change notifies nobody). Recipients are resolved here, at the time of the event;
 * answers how many were notified.
 */
export async function notify(trx: Executor, input: NotifyInput): Promise<number> {
  const recipients = await resolveRecipients(trx, input);
  if (recipients.length === 0) return 0;
  const createdAt = nowIso();
  const params = JSON.stringify(input.params ?? {});
  const notifications = await insertNotificationRows(
    trx,
    recipients.map((userId) => ({
      user_id: userId,
      kind: input.kind,
      task_id: input.taskId,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      params,
      created_at: createdAt,
      read_at: null,
    })),
  );
  // Emails and webhook calls wait in the outbox, in this same transaction (deliveries.service.ts).
  await enqueueDeliveries(trx, {
    kind: input.kind,
    taskId: input.taskId,
    params: input.params ?? {},
    createdAt,
    notifications,
  });
  return recipients.length;
}

/** A listed notification with the task's number and title kept only while the reader may see it. */
export interface ListedNotification {
  row: NotificationListRow;
  taskVisible: boolean;
}

function requirePerson(actor: Actor): number {
  if (actor.userId === null) throw new AppError('forbidden');
  return actor.userId;
}

/** Of these tasks, the ids the actor may see now (same relations as requireVisibleTask). */
async function visibleTaskIds(db: Executor, actor: Actor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const [units, paths] = await Promise.all([listTaskUnitRows(db, taskIds), inChargePaths(db, actor)]);
  const byTask = new Map<number, TaskUnitRow[]>(taskIds.map((id) => [id, []]));
  for (const unit of units) byTask.get(unit.task_id)?.push(unit);
  return new Set(taskIds.filter((id) => relationsTo(actor, byTask.get(id) ?? [], paths).length > 0));
}

/** A page of the caller's own notifications, newest first (keyset on id). */
export async function listMyNotifications(
  db: Database,
  input: { actor: Actor; unreadOnly: boolean; cursor?: string | undefined; limit: number },
): Promise<{ items: ListedNotification[]; nextCursor: string | null }> {
  const userId = requirePerson(input.actor);
  const after = input.cursor ? decodeCursor(input.cursor, 1) : undefined;
  const beforeId = after ? Number(after[0]) : undefined;
  if (beforeId !== undefined && !Number.isInteger(beforeId)) throw new AppError('invalid_cursor', {}, 'cursor');
  const rows = await listNotificationRows(db, {
    userId,
    unreadOnly: input.unreadOnly,
    beforeId,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const taskIds = [...new Set(page.flatMap((row) => (row.task_id === null ? [] : [row.task_id])))];
  const visible = await visibleTaskIds(db, input.actor, taskIds);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ row, taskVisible: row.task_id !== null && visible.has(row.task_id) })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** How many of the caller's notifications are unread. */
export function countMyUnread(db: Database, input: { actor: Actor }): Promise<number> {
  return countUnread(db, requirePerson(input.actor));
}

/**
 * Marks the caller's notifications read: the given ids (ids that are not the caller's are left
 * alone and not counted), or all. Answers how many changed and how many remain unread.
 */
export async function markMyNotificationsRead(
  db: Database,
  input: { actor: Actor; ids?: readonly number[] | undefined; all?: boolean | undefined },
): Promise<{ updated: number; unread: number }> {
  const userId = requirePerson(input.actor);
  return inTransaction(db, async (trx) => {
    const updated = await markRead(trx, userId, input.all ? 'all' : [...new Set(input.ids ?? [])], nowIso());
    return { updated, unread: await countUnread(trx, userId) };
  });
}
