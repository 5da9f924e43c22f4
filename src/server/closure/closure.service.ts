import type { ClosureAction, ClosureStatus, TargetResult } from '../../shared/closure-api.js';
import type { PlanTarget } from '../../shared/plans-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { attachEvidence, evidenceOf, type FileView } from '../files/evidence.service.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { lockTaskRows } from '../tasks/tasks.repository.js';
import {
  type ClosureApplicationRow,
  type ClosureRoundRow,
  findCurrentApplicationRow,
  insertApplicationRow,
  listRoundRowsOfTask,
  updateApplicationRow,
} from './closure.repository.js';
import { APPLICABLE_TASK_STATUSES, acceptedPlanTargets, closureRolesOf, leaderConfirms } from './closure-context.js';
import { availableClosureActions, isEditableClosure } from './closure-flow.js';

/** A task's closure as the API answers it, before presentation. */
export interface TaskClosure {
  application: ClosureApplicationRow | null;
  evidence: FileView[];
  rounds: ClosureRoundRow[];
  targets: PlanTarget[];
  allowedActions: ClosureAction[];
  canEdit: boolean;
  evidenceRequired: boolean;
  leaderConfirms: boolean;
}

/** True when the lead unit may start a new application or save the current one. */
function mayEdit(application: ClosureApplicationRow | undefined, taskStatus: string): boolean {
  if (!APPLICABLE_TASK_STATUSES.includes(taskStatus)) return false;
  return !application || application.status === 'accepted' || isEditableClosure(application.status as ClosureStatus);
}

/** The task's current closure application, all rounds and what the caller may do (404 out of scope). */
export async function getTaskClosure(db: Database, input: { taskId: number; actor: Actor }): Promise<TaskClosure> {
  const visible = await requireVisibleTask(db, input.actor, input.taskId);
  const { task } = visible;
  const [application, rounds, targets, roles, needsLeader] = await Promise.all([
    findCurrentApplicationRow(db, task.id),
    listRoundRowsOfTask(db, task.id),
    acceptedPlanTargets(db, task.id),
    closureRolesOf(db, input.actor, visible),
    leaderConfirms(db, task),
  ]);
  const evidence = application ? ((await evidenceOf(db, 'closure', [application.id])).get(application.id) ?? []) : [];
  const taskOpen = APPLICABLE_TASK_STATUSES.includes(task.status);
  const allowed = application
    ? availableClosureActions(application.status as ClosureStatus, roles, needsLeader).filter(
        // Submitting and approving move the task to closure_requested, which needs an open task.
        (action) => taskOpen || (action !== 'submit' && action !== 'approve'),
      )
    : [];
  return {
    application: application ?? null,
    evidence,
    rounds,
    targets,
    allowedActions: allowed,
    canEdit: roles.includes('staff') && mayEdit(application, task.status),
    // Key tasks and rectification items (销号 needs evidence, issue 7) cannot be submitted without files.
    evidenceRequired: task.is_key === 1 || task.kind === 'rectification',
    leaderConfirms: needsLeader,
  };
}

/** Target results checked against the accepted plan: known targets, each at most once. */
function checkTargetResults(results: readonly TargetResult[], targets: readonly PlanTarget[]): TargetResult[] {
  const known = new Set(targets.map((target) => target.id));
  const seen = new Set<string>();
  return results.map((result, index) => {
    if (!known.has(result.targetId) || seen.has(result.targetId)) {
      throw new AppError('closure_target_unknown', { id: result.targetId }, `targetResults.${index}.targetId`);
    }
    seen.add(result.targetId);
    return { targetId: result.targetId, achieved: result.achieved, comment: result.comment.trim() };
  });
}

/**
 * Creates the task's closure application (version 0: the caller has seen none, or only an accepted
 * one of a task reopened since) or saves the draft or returned one, with its evidence files.
 * The lead unit's staff only, while the task is being worked on.
 */
export async function saveClosureApplication(
  db: Database,
  input: {
    taskId: number;
    version: number;
    summary: string;
    targetResults: TargetResult[];
    fileIds: number[];
    actor: Actor;
  },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const visible = await requireVisibleTask(trx, input.actor, input.taskId);
    const { task } = visible;
    await lockTaskRows(trx, [task.id]);
    if (!(await closureRolesOf(trx, input.actor, visible)).includes('staff')) throw new AppError('forbidden');
    if (!APPLICABLE_TASK_STATUSES.includes(task.status))
      throw new AppError('closure_task_inactive', { status: task.status });
    const current = await findCurrentApplicationRow(trx, task.id);
    const creating = !current || current.status === 'accepted';
    if (creating ? input.version !== 0 : current.version !== input.version) {
      throw new AppError('version_conflict', { object: 'closure' });
    }
    if (!creating && !isEditableClosure(current.status as ClosureStatus)) {
      throw new AppError('closure_not_editable', { closureStatus: current.status });
    }
    const results = checkTargetResults(input.targetResults, await acceptedPlanTargets(trx, task.id));
    const now = nowIso();
    const content = { summary: input.summary.trim(), target_results: JSON.stringify(results), updated_at: now };
    const row = creating
      ? await insertApplicationRow(trx, {
          task_id: task.id,
          unit_id: task.lead_unit_id ?? 0,
          status: 'draft',
          ...content,
          version: 1,
          created_by: input.actor.userId,
          created_at: now,
          submitted_at: null,
          decided_at: null,
        })
      : await updateApplicationRow(trx, current.id, input.version, {
          ...content,
          unit_id: task.lead_unit_id ?? current.unit_id,
        });
    if (!row) throw new AppError('version_conflict', { object: 'closure' });
    await attachEvidence(trx, {
      taskId: task.id,
      fileIds: input.fileIds,
      subjectType: 'closure',
      subjectId: row.id,
      actor: input.actor,
    });
    await insertAuditEntry(trx, input.actor, {
      action: creating ? 'closure.create' : 'closure.update',
      objectType: 'closure',
      objectId: row.id,
      detail: { taskId: task.id, fileIds: input.fileIds, targets: results.length },
      ...(creating
        ? {}
        : {
            before: { summary: current.summary, targetResults: JSON.parse(current.target_results) },
            after: { summary: row.summary, targetResults: results },
          }),
    });
  });
}
