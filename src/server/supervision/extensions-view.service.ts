import { localDate } from '../../domain/dates.js';
import type { ExtensionAction, ExtensionBlocker } from '../../shared/extensions-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { inChargePaths, isSupervising, requireVisibleTask, type VisibleTask } from '../tasks/task-access.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import {
  type DeadlineChangeRow,
  type ExtensionRow,
  listDeadlineChangeRows,
  listExtensionEventRows,
  listExtensionRowsOfTask,
} from './extensions.repository.js';
import type { ExtensionDeps } from './extensions.service.js';
import {
  allowedExtensionActions,
  countApproved,
  type ExtensionRoles,
  isPendingRequest,
  requestBlocker,
} from './extensions-flow.js';
import { getSupervisionSettings } from './supervision-settings.service.js';

// Reading a task's extensions: how the caller stands to them, and what the task's section shows.

/** A task's extensions as the API answers them, before presentation. */
export interface TaskExtensions {
  task: TaskRow;
  approvedCount: number;
  limit: number;
  leaderApproves: boolean;
  blocker: ExtensionBlocker | null;
  requests: Array<{ row: ExtensionRow; allowed: ExtensionAction[] }>;
  events: Awaited<ReturnType<typeof listExtensionEventRows>>;
  deadlineChanges: DeadlineChangeRow[];
}

/** How the caller stands to the task's extension requests (see ExtensionRoles). */
export async function extensionRolesOf(db: Executor, actor: Actor, visible: VisibleTask): Promise<ExtensionRoles> {
  const { task, relations } = visible;
  const isPerson = actor.userId !== null;
  let leader = false;
  if (actor.roles.has('leader') && isPerson) {
    const leadPath = task.lead_unit_path;
    leader =
      task.responsible_leader_id === actor.userId ||
      (leadPath !== null && (await inChargePaths(db, actor)).some((path) => leadPath.startsWith(path)));
  }
  return {
    requester: relations.includes('lead_unit') || (isPerson && task.responsible_person_id === actor.userId),
    supervision: isSupervising(relations),
    leader,
    unitId: actor.unitId,
    userId: actor.userId,
  };
}

/** The task's deadlines, requests (with what the caller may do) and deadline history; 404 out of scope. */
export async function getTaskExtensions(
  deps: ExtensionDeps,
  input: { taskId: number; actor: Actor },
): Promise<TaskExtensions> {
  const visible = await requireVisibleTask(deps.db, input.actor, input.taskId);
  const { task } = visible;
  const [rows, events, changes, settings, roles] = await Promise.all([
    listExtensionRowsOfTask(deps.db, task.id),
    listExtensionEventRows(deps.db, task.id),
    listDeadlineChangeRows(deps.db, task.id),
    getSupervisionSettings(deps.db),
    extensionRolesOf(deps.db, input.actor, visible),
  ]);
  const approvedCount = countApproved(rows);
  const blocker = requestBlocker({
    roles,
    taskStatus: task.status,
    deadline: task.deadline,
    today: localDate(new Date(), deps.config.timeZone),
    hasPending: rows.some(isPendingRequest),
    approvedCount,
    limit: settings.maxExtensionsPerTask,
    allowLate: settings.lateExtensionRequests,
  });
  return {
    task,
    approvedCount,
    limit: settings.maxExtensionsPerTask,
    leaderApproves: task.is_key === 1 && settings.leaderApprovesKeyExtensions,
    blocker,
    requests: rows.map((row) => ({
      row,
      allowed: allowedExtensionActions(
        { status: row.status, unitId: row.unit_id, requestedBy: row.requested_by },
        roles,
      ),
    })),
    events,
    deadlineChanges: changes,
  };
}
