import type { NoticeAction, NoticeStatus } from '../../shared/notices-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { can } from '../policy.js';
import { inChargePaths, relationsTo } from '../tasks/task-access.js';
import { findTaskRow, listTaskUnitRows } from '../tasks/tasks.repository.js';
import { ccUnitIdsOf, findNoticeRow, type NoticeRow } from './notices.repository.js';

/** The statuses in which the addressed unit owes a (new) response. */
export const AWAITING_RESPONSE: readonly NoticeStatus[] = ['issued', 'returned'];

function isUnitMember(actor: Actor): boolean {
  return actor.unitId !== null && (actor.roles.has('unit_head') || actor.roles.has('unit_staff'));
}

/**
 * True when the caller may read the notice: whoever sees its task (the supervision office,
 * auditors, the task's units, leaders over them) and the people of the units it is addressed or
 * copied to.
 */
export async function maySeeNotice(db: Executor, actor: Actor, notice: NoticeRow): Promise<boolean> {
  if (can.seeAllTasks(actor)) return true;
  if (isUnitMember(actor)) {
    if (notice.unit_id === actor.unitId || ccUnitIdsOf(notice).includes(actor.unitId as number)) return true;
  }
  const task = await findTaskRow(db, notice.task_id);
  if (!task || task.status === 'draft') return false;
  const [units, paths] = await Promise.all([listTaskUnitRows(db, [task.id]), inChargePaths(db, actor)]);
  return relationsTo(actor, units, paths).length > 0;
}

/** A notice the caller may read; missing and out of sight are the same 404, so ids do not leak. */
export async function requireVisibleNotice(db: Executor, actor: Actor, id: number): Promise<NoticeRow> {
  const notice = await findNoticeRow(db, id);
  if (!notice || !(await maySeeNotice(db, actor, notice))) throw new AppError('not_found', { object: 'notice' });
  return notice;
}

/** What the caller may do to the notice now. */
export function allowedNoticeActions(actor: Actor, notice: Pick<NoticeRow, 'status' | 'unit_id'>): NoticeAction[] {
  const status = notice.status as NoticeStatus;
  const actions: NoticeAction[] = [];
  if (AWAITING_RESPONSE.includes(status) && can.respondToNotice(actor, notice.unit_id)) actions.push('respond');
  if (status === 'responded' && can.superviseNotices(actor)) actions.push('accept', 'return');
  return actions;
}

/** 403 unless the action is the caller's to take at all (the addressed unit responds, supervision reviews). */
export function assertNoticeEntitled(actor: Actor, notice: NoticeRow, action: NoticeAction): void {
  const entitled = action === 'respond' ? can.respondToNotice(actor, notice.unit_id) : can.superviseNotices(actor);
  if (!entitled) throw new AppError('forbidden');
}

/** 409 unless the notice's status allows the action now. */
export function assertNoticeStatus(actor: Actor, notice: NoticeRow, action: NoticeAction): void {
  const allowed = allowedNoticeActions(actor, notice);
  if (!allowed.includes(action)) throw new AppError('supervision_action_illegal', {}, undefined, { allowed });
}
