import type { DueLadderAction, LadderRecipient, LadderRule } from '../../domain/escalation-ladder.js';
import { dueLadderActions } from '../../domain/escalation-ladder.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { NotificationKind } from '../../shared/notifications-api.js';
import { proposeAccountabilityFromLadder } from '../accountability/accountability-ladder.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { type NotifyInput, notify, resolveRecipients } from '../notifications/notifications.service.js';
import { insertTaskEvent } from '../tasks/tasks.repository.js';
import { listRecordedOccurrences } from './health-facts.repository.js';
import { issueLadderNotice } from './ladder-notice.js';
import { insertActionOnce } from './supervision-actions.repository.js';
import type { TaskSituation } from './task-situation.js';

/** What a ladder pass needs besides the tasks. */
export interface LadderContext {
  rules: readonly LadderRule[];
  today: string;
  calendar: WorkingCalendar;
  now: string;
  actor: Actor;
  /** Working days a notice's written response is due in (supervision setting). */
  noticeResponseWorkingDays: number;
}

/**
 * Records and sends every ladder action due for these tasks that is not recorded yet, inside the
 * caller's transaction. Each action is one row under the unique (task, occurrence) key: when two
 * nodes sweep the same task, one insert wins and only the winner notifies, writes the timeline
 * entry and issues the notice, all in the same transaction — so an action is never half-done, and
 * one lost with a killed process is found again by the next sweep. Answers how many fired.
 */
export async function fireLadder(
  trx: Executor,
  situations: readonly TaskSituation[],
  context: LadderContext,
): Promise<number> {
  const due = situations.flatMap((situation) =>
    dueLadderActions(context.rules, situation.ladder, context.today, context.calendar).map((action) => ({
      situation,
      action,
    })),
  );
  if (due.length === 0) return 0;
  const recorded = await listRecordedOccurrences(trx, [...new Set(due.map((d) => d.situation.row.id))]);
  const seen = new Set(recorded.map((r) => `${r.task_id}|${r.occurrence_key}`));
  let fired = 0;
  for (const { situation, action } of due) {
    if (seen.has(`${situation.row.id}|${action.occurrenceKey}`)) continue;
    if (await fireOne(trx, situation, action, context)) fired += 1;
  }
  return fired;
}

async function fireOne(
  trx: Executor,
  situation: TaskSituation,
  action: DueLadderAction,
  context: LadderContext,
): Promise<boolean> {
  const task = situation.row;
  const target = recipientsInput(task, action.recipients);
  const userIds = await resolveRecipients(trx, target);
  const actionId = await insertActionOnce(trx, {
    task_id: task.id,
    kind: action.action,
    origin: 'ladder',
    rule_id: action.ruleId,
    occurrence_key: action.occurrenceKey,
    trigger: action.trigger,
    due_on: action.dueOn,
    working_days: action.workingDaysSinceAnchor,
    unit_id: task.lead_unit_id,
    message: null,
    recipients: JSON.stringify(userIds),
    notice_id: null,
    actor_user_id: null,
    created_at: context.now,
  });
  if (actionId === undefined) return false;

  const params: Record<string, string | number> = {
    trigger: action.trigger,
    workingDays: action.workingDaysSinceAnchor,
    rule: action.ruleId,
  };
  const kind: NotificationKind = `supervision.${action.action}`;
  let notified: readonly number[] = [];
  if (action.action === 'notice' && task.lead_unit_id !== null) {
    // The notice itself tells the addressed unit; the rung's other recipients hear of it here.
    const notice = await issueLadderNotice(trx, { situation, action, actionId, context });
    params.number = notice.number;
    params.dueDate = notice.responseDue;
    notified = notice.recipients;
  }
  if (action.action === 'accountability_proposal') {
    // The last rung proposes an accountability record (问责) against the lead unit, in this transaction.
    await proposeAccountabilityFromLadder(trx, {
      taskId: task.id,
      leadUnitId: task.lead_unit_id,
      actionId,
      now: context.now,
      today: context.today,
      trigger: action.trigger,
      workingDays: action.workingDaysSinceAnchor,
    });
  }
  await notify(trx, {
    userIds: userIds.filter((id) => !notified.includes(id)),
    kind,
    taskId: task.id,
    subjectType: 'supervision_action',
    subjectId: actionId,
    params,
    actor: null,
  });
  // The timeline entry is the task event alone: a rung of the ladder is not a person's change, so it
  // takes no audit-chain lock (several nodes sweeping never wait on each other there).
  await insertTaskEvent(trx, {
    task_id: task.id,
    at: context.now,
    actor_user_id: null,
    action: `ladder_${action.action}`,
    from_status: null,
    to_status: null,
    reason: null,
    detail: JSON.stringify({ ...params, actionId }),
  });
  return true;
}

/** Who a rung addresses, as `notify` resolves it at the time of firing. */
function recipientsInput(task: TaskSituation['row'], recipients: readonly LadderRecipient[]): NotifyInput {
  const userIds: number[] = [];
  const roles = new Set<'unit_head' | 'unit_staff' | 'supervisor' | 'leader'>();
  for (const recipient of recipients) {
    if (recipient === 'responsible_person') {
      if (task.responsible_person_id !== null) userIds.push(task.responsible_person_id);
      else roles.add('unit_head');
    } else if (recipient === 'responsible_leader') {
      if (task.responsible_leader_id !== null) userIds.push(task.responsible_leader_id);
      else roles.add('leader');
    } else if (recipient === 'supervisors') roles.add('supervisor');
    else roles.add(recipient);
  }
  return {
    userIds,
    unitIds: task.lead_unit_id === null ? [] : [task.lead_unit_id],
    roles: [...roles],
    kind: 'supervision.reminder',
    taskId: task.id,
  };
}
