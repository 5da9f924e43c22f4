import { yearOf } from '../../domain/dates.js';
import { ACCOUNTABILITY_SERIES } from '../../shared/accountability-api.js';
import type { Executor } from '../db/connect.js';
import { formatDocNumber, nextDocNumber } from '../documents/doc-numbers.repository.js';
import { insertRecordRow, insertRecordTasks } from './accountability.repository.js';
import { insertEvidenceRows, listEarlierActions, type NewEvidenceRow } from './accountability-evidence.repository.js';

export interface LadderProposalInput {
  taskId: number;
  /** The subject; a task without a lead unit has nobody to hold to account, and gets no record. */
  leadUnitId: number | null;
  /** The ladder's `accountability_proposal` action: unique on the record, so one record per rung fired. */
  actionId: number;
  now: string;
  /** The sweep's day: the record is numbered in its year. */
  today: string;
  trigger: string;
  workingDays: number;
}

/** Why the ladder proposes, in the organisation's language (an official record, not a message). */
function proposalText(task: { number: string; title: string; deadline: string | null }, input: LadderProposalInput) {
  const days = Math.abs(input.workingDays);
  const why =
    input.trigger === 'after_deadline'
      ? `已超过完成时限（${task.deadline ?? '—'}）${days} 个工作日`
      : input.trigger === 'report_missing'
        ? `进展反馈逾期 ${days} 个工作日未报`
        : input.trigger === 'instruction_unanswered'
          ? '领导批示逾期未报告落实情况'
          : input.trigger === 'unacknowledged'
            ? `交办后 ${days} 个工作日未签收`
            : '进展长期停滞';
  return `任务 ${task.number}「${task.title}」${why}，经提醒、催办、督办仍未落实到位，建议对牵头单位启动问责（落实不力）。`;
}

/**
 * The escalation ladder's last rung (问责): proposes a record inside the sweep's transaction —
 * status proposed, type ineffective, the lead unit as subject, the task linked, and as evidence the
 * supervision actions taken on the task so far (urges, notices, interview proposals; reminders are
 * not failings) and the notices they issued. Like every rung it takes no audit-chain lock: the
 * supervision action and the timeline entry `ladder_accountability_proposal` record it. Nobody is
 * notified here beyond the rung's own recipients: a proposal reaches the subject once opened.
 */
export async function proposeAccountabilityFromLadder(
  trx: Executor,
  input: LadderProposalInput,
): Promise<{ id: number; number: string } | null> {
  if (input.leadUnitId === null) return null;
  const task = await trx
    .selectFrom('tasks')
    .select(['number', 'title', 'deadline'])
    .where('id', '=', input.taskId)
    .executeTakeFirstOrThrow();
  const year = yearOf(input.today);
  const seq = await nextDocNumber(trx, ACCOUNTABILITY_SERIES, year);
  const row = await insertRecordRow(trx, {
    year,
    seq,
    number: formatDocNumber(ACCOUNTABILITY_SERIES, year, seq),
    type: 'ineffective',
    subject_unit_id: input.leadUnitId,
    subject_user_id: null,
    status: 'proposed',
    proposal: proposalText(task, input),
    statement_due: null,
    statement: null,
    statement_at: null,
    statement_by: null,
    decision: null,
    decision_note: null,
    decided_at: null,
    decided_by: null,
    action_id: input.actionId,
    opened_by: null,
    opened_at: null,
    created_at: input.now,
    updated_at: input.now,
  });
  await insertRecordTasks(trx, row.id, [input.taskId]);
  const evidence: NewEvidenceRow[] = [];
  const base = { record_id: row.id, added_by: null, added_at: input.now };
  for (const action of await listEarlierActions(trx, input.taskId, input.actionId)) {
    if (action.kind === 'reminder') continue;
    evidence.push({ ...base, ref_type: 'action', ref_id: action.id, note: action.rule_id ?? action.origin });
    if (action.notice_id !== null) evidence.push({ ...base, ref_type: 'notice', ref_id: action.notice_id, note: null });
  }
  await insertEvidenceRows(trx, evidence);
  return { id: row.id, number: row.number };
}
