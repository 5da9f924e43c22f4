import type { DueLadderAction } from '../../domain/escalation-ladder.js';
import { addWorkingDays } from '../../domain/working-days.js';
import type { Executor } from '../db/connect.js';
import type { LadderContext } from './ladder.service.js';
import { issueNotice } from './notices.service.js';
import { setActionNotice } from './supervision-actions.repository.js';
import type { TaskSituation } from './task-situation.js';

/**
 * The notice (督办单) a notice rung issues to the task's lead unit, worded from the trigger, answered
 * in writing within the setting's working days. Written in the organisation's language (Simplified
 * Chinese): a notice is an official document, not a personal message.
 */
export async function issueLadderNotice(
  trx: Executor,
  input: { situation: TaskSituation; action: DueLadderAction; actionId: number; context: LadderContext },
): Promise<{ id: number; number: string; responseDue: string; recipients: number[] }> {
  const { situation, action, context } = input;
  const task = situation.row;
  const days = Math.abs(action.workingDaysSinceAnchor);
  const why =
    action.trigger === 'after_deadline'
      ? `已超过完成时限（${task.deadline}）${days} 个工作日，目前完成 ${task.progress}%`
      : action.trigger === 'report_missing'
        ? `截至 ${action.anchorDate} 的进展反馈逾期 ${days} 个工作日未报`
        : action.trigger === 'instruction_unanswered'
          ? '领导批示逾期未报告落实情况'
          : action.trigger === 'unacknowledged'
            ? `交办后 ${days} 个工作日未签收`
            : '进展停滞';
  const responseDue = addWorkingDays(context.calendar, context.today, context.noticeResponseWorkingDays);
  const notice = await issueNotice(trx, {
    taskId: situation.row.id,
    unitId: situation.row.lead_unit_id as number,
    ccUnitIds: [],
    matter: `任务 ${task.number}「${task.title}」${why}。`,
    requirements: `请于 ${responseDue} 前书面报告未按要求落实的原因、已采取的措施、整改计划和预计完成时间，并抓紧推进落实。`,
    responseDue,
    actionId: input.actionId,
    actor: context.actor,
    today: context.today,
  });
  await setActionNotice(trx, input.actionId, notice.id);
  return { id: notice.id, number: notice.number, responseDue, recipients: notice.recipients };
}
