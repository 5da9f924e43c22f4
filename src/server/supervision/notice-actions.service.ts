import type { NoticeAction } from '../../shared/notices-api.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { assertNoticeEntitled, assertNoticeStatus, requireVisibleNotice } from './notice-access.js';
import { notifyNoticeStep } from './notice-notify.js';
import { type NoticeChanges, type NoticeRow, updateNoticeRow } from './notices.repository.js';

/** One step on a notice: the unit responds, the supervision office accepts or returns the response. */
export interface NoticeStepInput {
  noticeId: number;
  action: NoticeAction;
  /** The response (respond) or the review's reason (return: required; accept: an optional comment). */
  text?: string | null | undefined;
  version: number;
  actor: Actor;
}

/** The row changes of a step, after its text is checked (422 when a required text is blank). */
function changesOf(input: NoticeStepInput, now: string): NoticeChanges {
  const text = input.text?.trim() || null;
  const userId = input.actor.userId;
  switch (input.action) {
    case 'respond':
      if (!text) throw new AppError('notice_response_required', {}, 'response');
      return { status: 'responded', response: text, responded_at: now, responded_by: userId };
    case 'return':
      if (!text) throw new AppError('reason_required', {}, 'reason');
      return { status: 'returned', review_comment: text, reviewed_at: now, reviewed_by: userId };
    case 'accept':
      return { status: 'accepted', review_comment: text, reviewed_at: now, reviewed_by: userId };
  }
}

const TIMELINE: Record<NoticeAction, string> = {
  respond: 'notice_responded',
  accept: 'notice_accepted',
  return: 'notice_returned',
};

/**
 * Takes one step on a notice: `respond` (the addressed unit's head or staff, while it is issued or
 * returned), `accept` or `return` (the supervision office, once responded). 404 when the caller
 * may not see it, 403 when it is not theirs to do, 422 for a blank response or return reason, 409
 * when it changed since `version` or is in the wrong status. The step lands on the task's
 * timeline (and the audit trail) and is announced, in the same transaction.
 */
export async function actOnNotice(db: Database, input: NoticeStepInput): Promise<NoticeRow> {
  return inTransaction(db, async (trx) => {
    const notice = await requireVisibleNotice(trx, input.actor, input.noticeId);
    assertNoticeEntitled(input.actor, notice, input.action);
    const now = nowIso();
    const changes = changesOf(input, now);
    if (notice.version !== input.version) throw new AppError('version_conflict', { object: 'notice' });
    assertNoticeStatus(input.actor, notice, input.action);
    const updated = await updateNoticeRow(trx, notice.id, input.version, changes);
    if (!updated) throw new AppError('version_conflict', { object: 'notice' });
    await recordTaskChange(trx, input.actor, {
      taskId: notice.task_id,
      action: TIMELINE[input.action],
      at: now,
      reason: input.action === 'respond' ? null : (changes.review_comment ?? null),
      detail: { noticeId: notice.id, number: notice.number },
    });
    await notifyNoticeStep(trx, updated, input.actor);
    return updated;
  });
}
