import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify, resolveRecipients } from '../notifications/notifications.service.js';
import { ccUnitIdsOf, type NoticeRow } from './notices.repository.js';

// Who hears of a supervision notice and its steps: the addressed unit's head and staff when it is
// issued (and the heads of the units copied), the supervision office (and whoever issued it) when
// it is answered, the addressed unit again when the answer is accepted or returned.

const subject = (notice: NoticeRow) => ({ taskId: notice.task_id, subjectType: 'notice', subjectId: notice.id });

/** The people a new notice goes to: the unit's head and staff, the copied units' heads. */
export async function noticeRecipients(
  trx: Executor,
  notice: { unitId: number; ccUnitIds: readonly number[] },
  actor: Actor,
): Promise<number[]> {
  const [addressed, copied] = await Promise.all([
    resolveRecipients(trx, {
      unitIds: [notice.unitId],
      roles: ['unit_head', 'unit_staff'],
      kind: 'supervision.notice',
      taskId: null,
      actor,
    }),
    notice.ccUnitIds.length
      ? resolveRecipients(trx, {
          unitIds: notice.ccUnitIds,
          roles: ['unit_head'],
          kind: 'supervision.notice',
          taskId: null,
          actor,
        })
      : Promise.resolve([]),
  ]);
  return [...new Set([...addressed, ...copied])].sort((a, b) => a - b);
}

/** Announces a new notice; answers who was told. */
export async function notifyNoticeIssued(trx: Executor, notice: NoticeRow, actor: Actor): Promise<number[]> {
  const recipients = await noticeRecipients(trx, { unitId: notice.unit_id, ccUnitIds: ccUnitIdsOf(notice) }, actor);
  await notify(trx, {
    ...subject(notice),
    userIds: recipients,
    kind: 'supervision.notice',
    params: { number: notice.number, dueDate: notice.response_due },
    actor,
  });
  return recipients;
}

/** Announces a response (to the supervision office) or its review (to the addressed unit). */
export async function notifyNoticeStep(trx: Executor, notice: NoticeRow, actor: Actor): Promise<void> {
  const base = { ...subject(notice), actor };
  if (notice.status === 'responded') {
    await notify(trx, {
      ...base,
      kind: 'notice.responded',
      roles: ['supervisor'],
      userIds: notice.issued_by === null ? [] : [notice.issued_by],
      params: { number: notice.number },
    });
    return;
  }
  const unit = { unitIds: [notice.unit_id], roles: ['unit_head', 'unit_staff'] as const };
  if (notice.status === 'accepted') {
    await notify(trx, { ...base, ...unit, kind: 'notice.accepted', params: { number: notice.number } });
  } else if (notice.status === 'returned') {
    await notify(trx, {
      ...base,
      ...unit,
      kind: 'notice.returned',
      params: { number: notice.number, reason: notice.review_comment },
    });
  }
}
