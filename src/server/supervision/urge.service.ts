import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { notify, resolveRecipients } from '../notifications/notifications.service.js';
import { assertAllowed, can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { insertActionOnce } from './supervision-actions.repository.js';

/** Statuses in which a task can be urged: being worked on, or waiting for its closure decision. */
const URGEABLE = new Set(['assigned', 'in_progress', 'returned', 'closure_requested']);

/**
 * A supervisor urges (催办) or reminds, by hand, one task or many, with their own message: each task
 * gets an action (origin `manual`, counted for assessment like the ladder's), a notification to its
 * lead unit's head and its responsible person (or the unit's staff when none is named), and a
 * timeline entry. All or nothing: one task that is not visible or not open refuses the whole batch.
 */
export async function urgeTasks(
  db: Database,
  input: { taskIds: readonly number[]; kind: 'reminder' | 'urge'; message: string; actor: Actor },
): Promise<{ taskId: number; actionId: number; recipients: number }[]> {
  assertAllowed(can.urgeTasks(input.actor));
  const taskIds = [...new Set(input.taskIds)];
  const message = input.message.trim();
  return inTransaction(db, async (trx) => {
    const tasks = [];
    for (const taskId of taskIds) {
      const { task } = await requireVisibleTask(trx, input.actor, taskId);
      if (!URGEABLE.has(task.status)) throw new AppError('task_not_open', { status: task.status }, 'taskIds');
      tasks.push(task);
    }
    const now = nowIso();
    const results = [];
    for (const task of tasks) {
      const target = {
        userIds: task.responsible_person_id === null ? [] : [task.responsible_person_id],
        unitIds: task.lead_unit_id === null ? [] : [task.lead_unit_id],
        roles: task.responsible_person_id === null ? (['unit_head', 'unit_staff'] as const) : (['unit_head'] as const),
        kind: `supervision.${input.kind}` as const,
        taskId: task.id,
        actor: input.actor,
      };
      const userIds = await resolveRecipients(trx, target);
      const actionId = await insertActionOnce(trx, {
        task_id: task.id,
        kind: input.kind,
        origin: 'manual',
        rule_id: null,
        occurrence_key: `manual:${randomUUID()}`,
        trigger: null,
        due_on: null,
        working_days: null,
        unit_id: task.lead_unit_id,
        message: message || null,
        recipients: JSON.stringify(userIds),
        notice_id: null,
        actor_user_id: input.actor.userId,
        created_at: now,
      });
      if (actionId === undefined) throw new Error('a fresh occurrence key collided');
      await notify(trx, {
        userIds,
        kind: target.kind,
        taskId: task.id,
        subjectType: 'supervision_action',
        subjectId: actionId,
        params: { message },
        actor: input.actor,
      });
      await recordTaskChange(trx, input.actor, {
        taskId: task.id,
        action: input.kind === 'urge' ? 'urged' : 'reminded',
        at: now,
        detail: { actionId, ...(message ? { message } : {}) },
      });
      results.push({ taskId: task.id, actionId, recipients: userIds.length });
    }
    return results;
  });
}
