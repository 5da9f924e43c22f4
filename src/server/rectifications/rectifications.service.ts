import type { CreateRectificationInput } from '../../shared/rectifications-api.js';
import { TASK_LIMITS } from '../../shared/tasks.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { taskClock } from '../tasks/task-clock.js';
import { applyTransition } from '../tasks/task-transitions.service.js';
import { registerTaskIn, type TaskDeps } from '../tasks/tasks.service.js';
import { insertRectificationRow, originExists } from './rectifications.repository.js';

/** The title an item gets when the supervisor leaves it out: `整改：<the origin task's title>`. */
export function defaultRectificationTitle(originTitle: string): string {
  return `整改：${originTitle}`.slice(0, TASK_LIMITS.titleMax);
}

/** The task's description, so the unit reads the finding and the measures on the task page too. */
function taskDescription(input: Pick<CreateRectificationInput, 'finding' | 'measures'>): string {
  return `【问题】${input.finding.trim()}\n\n【整改措施】${input.measures.trim()}`;
}

/**
 * What the origin names must exist: the period, the task the finding is about (and be visible),
 * the bulletin (or case, accountability record). A review finding is about one task of one period.
 * Answers the origin task's title, for the default item title.
 */
async function checkOrigin(trx: Executor, input: CreateRectificationInput & { actor: Actor }): Promise<string | null> {
  if (input.originType === 'review') {
    if (!input.periodId) throw new AppError('validation_failed', { summary: 'periodId' }, 'periodId');
    if (!input.originTaskId) throw new AppError('validation_failed', { summary: 'originTaskId' }, 'originTaskId');
  }
  if (input.originType === 'bulletin' && !input.originId) {
    throw new AppError('validation_failed', { summary: 'originId' }, 'originId');
  }
  if (input.periodId) {
    const period = await trx
      .selectFrom('assessment_periods')
      .select('id')
      .where('id', '=', input.periodId)
      .executeTakeFirst();
    if (!period) throw new AppError('not_found', { object: 'assessment_period' }, 'periodId');
  }
  const type = input.originType;
  if (input.originId && (type === 'bulletin' || type === 'case' || type === 'accountability')) {
    if (!(await originExists(trx, type, input.originId))) throw new AppError('not_found', { object: type }, 'originId');
  }
  if (!input.originTaskId) return null;
  return (await requireVisibleTask(trx, input.actor, input.originTaskId)).task.title;
}

/**
 * 整改: the supervision office turns a finding into a rectification item — a task of kind
 * `rectification`, registered and assigned to the owner unit in one transaction (so it is in that
 * unit's inbox and the unit is told `task.assigned`), with its origin, finding and measures beside
 * it. From then on it is a task like any other: health sweep, ladder, report cycle, closure.
 * Answers the task id.
 */
export async function createRectification(
  deps: TaskDeps,
  input: CreateRectificationInput & { actor: Actor },
): Promise<number> {
  assertAllowed(can.manageTasks(input.actor));
  const clock = await taskClock(deps.db, deps.config);
  return inTransaction(deps.db, async (trx) => {
    const originTitle = await checkOrigin(trx, input);
    const title = input.title?.trim() || (originTitle ? defaultRectificationTitle(originTitle) : null);
    if (!title) throw new AppError('validation_failed', { summary: 'title' }, 'title');
    const task = await registerTaskIn(trx, deps, {
      kind: 'rectification',
      title,
      description: taskDescription(input),
      leadUnitId: input.leadUnitId,
      responsiblePersonId: input.responsiblePersonId ?? null,
      deadline: input.deadline,
      parent: null,
      actor: input.actor,
      detail: { rectification: input.originType },
    });
    await insertRectificationRow(trx, {
      task_id: task.id,
      origin_type: input.originType,
      origin_id: input.originId ?? null,
      origin_task_id: input.originTaskId ?? null,
      period_id: input.periodId ?? null,
      finding: input.finding.trim(),
      measures: input.measures.trim(),
      signed_off_at: null,
      signed_off_by: null,
      sign_off_comment: null,
    });
    await applyTransition(trx, clock, { taskId: task.id, action: 'assign', version: task.version, actor: input.actor });
    await insertAuditEntry(trx, input.actor, {
      action: 'rectification.create',
      objectType: 'task',
      objectId: task.id,
      detail: {
        number: task.number,
        originType: input.originType,
        originId: input.originId ?? null,
        originTaskId: input.originTaskId ?? null,
        periodId: input.periodId ?? null,
        leadUnitId: input.leadUnitId,
        deadline: input.deadline,
      },
    });
    return task.id;
  });
}
