import type { SupervisionActionView } from '../../shared/supervision-api.js';
import type { ListedActionRow } from './supervision-actions.repository.js';

/** An action for the API, fields listed one by one. */
export function presentAction(row: ListedActionRow): SupervisionActionView {
  let recipients: unknown[] = [];
  try {
    recipients = JSON.parse(row.recipients) as unknown[];
  } catch {
    recipients = [];
  }
  return {
    id: row.id,
    kind: row.kind,
    origin: row.origin,
    ruleId: row.rule_id,
    trigger: row.trigger,
    dueOn: row.due_on,
    workingDays: row.working_days,
    message: row.message,
    recipientCount: recipients.length,
    noticeId: row.notice_id,
    actor: row.actor_user_id === null ? null : { id: row.actor_user_id, displayName: row.actor_name ?? '' },
    createdAt: row.created_at,
    task: { id: row.task_id, number: row.task_number, title: row.task_title },
  };
}
