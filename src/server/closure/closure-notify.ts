import type { ClosureStatus } from '../../shared/closure-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import type { TaskRow, TaskUnitRow } from '../tasks/tasks.repository.js';
import type { ClosureApplicationRow } from './closure.repository.js';

/**
 * Tells the people whose turn it is, or whom the outcome concerns: the lead unit's head when
 * submitted, the supervision office when it waits for them, the task's leader (or the leaders over
 * the lead unit when none is named) when it waits for confirmation; the lead unit (and the
 * cooperating units when the task is closed) of the outcome, and the supervision office too when
 * the leader decided.
 */
export async function notifyClosureStep(
  trx: Executor,
  step: {
    task: TaskRow;
    units: readonly TaskUnitRow[];
    application: ClosureApplicationRow;
    from: ClosureStatus;
    reason: string | null;
    actor: Actor;
  },
): Promise<void> {
  const { task, application, actor } = step;
  const lead = task.lead_unit_id === null ? [] : [task.lead_unit_id];
  const base = { taskId: task.id, subjectType: 'closure', subjectId: application.id, actor } as const;
  const byLeader = step.from === 'pending_leader';
  switch (application.status as ClosureStatus) {
    case 'pending_head':
      await notify(trx, { ...base, kind: 'closure.pending_head', unitIds: lead, roles: ['unit_head'] });
      return;
    case 'pending_supervisor':
      await notify(trx, { ...base, kind: 'closure.pending_supervisor', roles: ['supervisor'] });
      return;
    case 'pending_leader':
      await notify(trx, {
        ...base,
        kind: 'closure.pending_leader',
        ...(task.responsible_leader_id !== null
          ? { userIds: [task.responsible_leader_id] }
          : { unitIds: lead, roles: ['leader'] }),
      });
      return;
    case 'accepted':
      await notify(trx, {
        ...base,
        kind: 'closure.accepted',
        unitIds: step.units.map((unit) => unit.unit_id),
        roles: byLeader ? ['unit_head', 'unit_staff', 'supervisor'] : ['unit_head', 'unit_staff'],
      });
      return;
    case 'returned':
      await notify(trx, {
        ...base,
        kind: 'closure.returned',
        unitIds: lead,
        roles: byLeader ? ['unit_head', 'unit_staff', 'supervisor'] : ['unit_head', 'unit_staff'],
        params: { reason: step.reason },
      });
      return;
    default:
      return;
  }
}
