import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import type { ExtensionRow } from './extensions.repository.js';

/**
 * Tells whoever's turn it is, or whom the outcome concerns: the supervision office of a new
 * request; the task's responsible leader (or, with none named, the leaders over the lead unit) when
 * the office agreed and a leader must decide; the lead unit's head and staff of the outcome — and
 * the supervision office too when a leader decided.
 */
export async function notifyExtensionStep(
  trx: Executor,
  step: { task: TaskRow; request: ExtensionRow; byLeader: boolean; comment: string | null; actor: Actor },
): Promise<void> {
  const { task, request, actor } = step;
  const base = { taskId: task.id, subjectType: 'extension', subjectId: request.id, actor } as const;
  const lead = [request.unit_id];
  const outcomeRoles = step.byLeader
    ? (['unit_head', 'unit_staff', 'supervisor'] as const)
    : (['unit_head', 'unit_staff'] as const);
  switch (request.status) {
    case 'pending_supervisor':
      await notify(trx, {
        ...base,
        kind: 'extension.pending_supervisor',
        roles: ['supervisor'],
        params: { date: request.proposed_deadline },
      });
      return;
    case 'pending_leader':
      await notify(trx, {
        ...base,
        kind: 'extension.pending_leader',
        ...(task.responsible_leader_id !== null
          ? { userIds: [task.responsible_leader_id] }
          : { unitIds: task.lead_unit_id === null ? [] : [task.lead_unit_id], roles: ['leader'] }),
        params: { date: request.proposed_deadline },
      });
      return;
    case 'approved':
      await notify(trx, {
        ...base,
        kind: 'extension.approved',
        unitIds: lead,
        roles: outcomeRoles,
        params: { date: request.proposed_deadline },
      });
      return;
    case 'rejected':
      await notify(trx, {
        ...base,
        kind: 'extension.rejected',
        unitIds: lead,
        roles: outcomeRoles,
        params: { reason: step.comment ?? '' },
      });
      return;
    default:
      return;
  }
}
