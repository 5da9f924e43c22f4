import { randomUUID } from 'node:crypto';
import { yearOf } from '../../domain/dates.js';
import { NOTICE_SERIES } from '../../shared/notices-api.js';
import { OPEN_STATUSES, type TaskStatus } from '../../shared/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { formatDocNumber, nextDocNumber } from '../documents/doc-numbers.repository.js';
import { AppError } from '../errors.js';
import { can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { findUnitRows } from '../units/units.repository.js';
import { defaultResponseDue, draftNoticeTexts, noticeClock } from './notice-draft.js';
import { noticeRecipients, notifyNoticeIssued } from './notice-notify.js';
import { insertNoticeRow } from './notices.repository.js';
import { insertActionOnce, setActionNotice } from './supervision-actions.repository.js';

export interface IssueNoticeInput {
  taskId: number;
  /** The unit addressed (主送), normally the task's lead unit. */
  unitId: number;
  /** Units copied (抄送); the addressed unit is left out if listed. */
  ccUnitIds: readonly number[];
  matter: string;
  requirements: string;
  /** `YYYY-MM-DD`: the written response is due by this day. */
  responseDue: string;
  /** The supervision action (ladder rung or a supervisor's) that issues it. */
  actionId: number | null;
  actor: Actor;
  /** Today in config.timeZone: the notice is numbered in this day's year. */
  today: string;
}

/**
 * Issues one supervision notice inside the caller's transaction (the ladder's or a supervisor's):
 * takes the year's next number (督〔2026〕15号), records the notice, puts `notice_issued` on the
 * task's timeline and tells the addressed unit's head and staff and the copied units' heads.
 * Checks no permission: callers do. Answers the notice's id, number and who was told.
 */
export async function issueNotice(
  trx: Executor,
  input: IssueNoticeInput,
): Promise<{ id: number; number: string; recipients: number[] }> {
  const year = yearOf(input.today);
  const seq = await nextDocNumber(trx, NOTICE_SERIES, year);
  const number = formatDocNumber(NOTICE_SERIES, year, seq);
  const now = nowIso();
  const cc = [...new Set(input.ccUnitIds)].filter((id) => id !== input.unitId);
  const row = await insertNoticeRow(trx, {
    year,
    seq,
    number,
    task_id: input.taskId,
    unit_id: input.unitId,
    cc_unit_ids: JSON.stringify(cc),
    action_id: input.actionId,
    matter: input.matter.trim(),
    requirements: input.requirements.trim(),
    response_due: input.responseDue,
    status: 'issued',
    response: null,
    responded_at: null,
    responded_by: null,
    review_comment: null,
    reviewed_at: null,
    reviewed_by: null,
    issued_by: input.actor.userId,
    issued_at: now,
    version: 1,
  });
  await recordTaskChange(trx, input.actor, {
    taskId: input.taskId,
    action: 'notice_issued',
    at: now,
    detail: { noticeId: row.id, number, responseDue: input.responseDue, unitId: input.unitId },
  });
  const recipients = await notifyNoticeIssued(trx, row, input.actor);
  return { id: row.id, number, recipients };
}

/** A notice goes to an open task with a lead unit; anything else is 409. */
function assertNoticeable(task: TaskRow): number {
  if (!OPEN_STATUSES.includes(task.status as TaskStatus) || task.lead_unit_id === null) {
    throw new AppError('supervision_action_illegal', { status: task.status });
  }
  return task.lead_unit_id;
}

/** Copied units must exist and be in use. */
async function checkCcUnits(trx: Executor, ids: readonly number[]): Promise<void> {
  const units = new Map((await findUnitRows(trx, ids)).map((unit) => [unit.id, unit]));
  ids.forEach((id, index) => {
    const unit = units.get(id);
    if (!unit) throw new AppError('unit_not_found', { id }, `ccUnitIds.${index}`);
    if (unit.archived_at !== null) throw new AppError('unit_archived', { name: unit.name }, `ccUnitIds.${index}`);
  });
}

/**
 * A supervisor issues notices by hand: one per task, to its lead unit, all in one transaction
 * (all or none). Each is also a supervision action (kind `notice`, origin `manual`), so it counts
 * with the ladder's for assessment. Omitted texts are generated per task; the response date
 * defaults to `noticeResponseWorkingDays` working days from today. Answers the notices' ids.
 */
export async function issueNotices(
  deps: { db: Database; config: Config },
  input: {
    taskIds: readonly number[];
    matter?: string | undefined;
    requirements?: string | undefined;
    responseDue?: string | undefined;
    ccUnitIds: readonly number[];
    actor: Actor;
  },
): Promise<number[]> {
  if (!can.superviseNotices(input.actor)) throw new AppError('forbidden');
  const clock = await noticeClock(deps.db, deps.config);
  const responseDue = input.responseDue ?? defaultResponseDue(clock);
  if (responseDue < clock.today) throw new AppError('date_in_past', { date: responseDue }, 'responseDue');
  const ccUnitIds = [...new Set(input.ccUnitIds)];
  return inTransaction(deps.db, async (trx) => {
    await checkCcUnits(trx, ccUnitIds);
    const ids: number[] = [];
    for (const taskId of [...new Set(input.taskIds)]) {
      const { task } = await requireVisibleTask(trx, input.actor, taskId);
      const unitId = assertNoticeable(task);
      const texts = draftNoticeTexts(clock, task, responseDue);
      const matter = input.matter?.trim() || texts.matter;
      const cc = ccUnitIds.filter((id) => id !== unitId);
      const recipients = await noticeRecipients(trx, { unitId, ccUnitIds: cc }, input.actor);
      const actionId = await insertActionOnce(trx, {
        task_id: task.id,
        kind: 'notice',
        origin: 'manual',
        rule_id: null,
        occurrence_key: `manual:${randomUUID()}`,
        trigger: null,
        due_on: responseDue,
        unit_id: unitId,
        message: matter,
        recipients: JSON.stringify(recipients),
        notice_id: null,
        actor_user_id: input.actor.userId,
        created_at: nowIso(),
      });
      const notice = await issueNotice(trx, {
        taskId: task.id,
        unitId,
        ccUnitIds: cc,
        matter,
        requirements: input.requirements?.trim() || texts.requirements,
        responseDue,
        actionId: actionId ?? null,
        actor: input.actor,
        today: clock.today,
      });
      if (actionId !== undefined) await setActionNotice(trx, actionId, notice.id);
      ids.push(notice.id);
    }
    return ids;
  });
}
