import { localDate, taskNumber, yearOf } from '../../domain/dates.js';
import { diffChanges } from '../../domain/field-diff.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { insertDeadlineChangeRow } from '../supervision/extensions.repository.js';
import { isSupervising, requireVisibleTask } from './task-access.js';
import {
  checkDates,
  checkPeople,
  checkSource,
  fieldColumns,
  inheritFromParent,
  resolveUnits,
  type TaskFieldsInput,
} from './task-fields.js';
import { recordTaskChange } from './task-history.js';
import {
  deleteSubtree,
  findTaskRow,
  insertTaskRow,
  latestChildDeadline,
  listSubtreeRows,
  listTaskUnitRows,
  lockTaskRows,
  nextTaskSeq,
  replaceTaskUnits,
  rewriteSubtreePaths,
  rollUpFrom,
  type TaskRow,
  updateTaskRow,
} from './tasks.repository.js';

export interface TaskDeps {
  db: Database;
  config: Config;
}

/** The task ids along a materialised path, root first: `/12/40/` → [12, 40]. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** Throws the 409 for a stale version, carrying the current task id so the route can attach it. */
function staleVersion(taskId: number): never {
  throw new AppError('version_conflict', { object: 'task', id: taskId });
}

async function writeUnits(db: Executor, taskId: number, units: Awaited<ReturnType<typeof resolveUnits>>) {
  await replaceTaskUnits(db, taskId, [
    ...(units.lead
      ? [{ unitId: units.lead.unitId, role: 'lead' as const, part: null, unitPath: units.lead.unitPath }]
      : []),
    ...units.cooperating.map((u) => ({
      unitId: u.unitId,
      role: 'cooperating' as const,
      part: u.part,
      unitPath: u.unitPath,
    })),
  ]);
}

/**
 * Registers one task (optionally under a parent) inside the caller's open transaction: what it
 * leaves out it inherits from the parent. Imports use it to write a whole tree in one transaction;
 * `detail` adds to the history entry (e.g. `imported: true`).
 */
export async function registerTaskIn(
  trx: Executor,
  deps: TaskDeps,
  input: TaskFieldsInput & {
    title: string;
    parent: TaskRow | null;
    actor: Actor;
    detail?: Record<string, unknown> | undefined;
    /** `task` unless given: rectification items (整改, src/server/rectifications/) are tasks too. */
    kind?: 'task' | 'rectification' | undefined;
  },
): Promise<TaskRow> {
  const parentUnits = input.parent ? await listTaskUnitRows(trx, [input.parent.id]) : [];
  const fields = inheritFromParent(input, input.parent, parentUnits);
  await checkSource(trx, fields.sourceId);
  const units = await resolveUnits(trx, fields.leadUnitId, fields.cooperatingUnits);
  await checkPeople(trx, { ...fields, leadUnitId: units.lead?.unitId ?? null });
  checkDates({
    deadline: fields.deadline ?? null,
    startDate: fields.startDate ?? null,
    parentDeadline: input.parent?.deadline ?? null,
  });
  const now = nowIso();
  const year = yearOf(localDate(new Date(), deps.config.timeZone));
  const seq = await nextTaskSeq(trx, year);
  const task = await insertTaskRow(
    trx,
    {
      parent_id: input.parent?.id ?? null,
      depth: input.parent ? input.parent.depth + 1 : 0,
      year,
      seq,
      number: taskNumber(year, seq),
      title: input.title.trim(),
      description: null,
      source_id: null,
      category: null,
      tags: '[]',
      is_key: 0,
      priority: 'normal',
      is_public: 0,
      responsible_leader_id: null,
      responsible_person_id: null,
      start_date: null,
      deadline: null,
      deadline_working_days: null,
      weight: 1,
      progress: 0,
      child_count: 0,
      status: 'draft',
      suspended_from: null,
      assigned_at: null,
      closed_at: null,
      ...fieldColumns(fields),
      lead_unit_id: units.lead?.unitId ?? null,
      lead_unit_path: units.lead?.unitPath ?? null,
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
      ...(input.kind ? { kind: input.kind } : {}),
    },
    input.parent?.path ?? null,
  );
  await writeUnits(trx, task.id, units);
  await recordTaskChange(trx, input.actor, {
    taskId: task.id,
    action: 'create',
    at: now,
    toStatus: 'draft',
    detail: { number: task.number, title: task.title, parentId: task.parent_id, ...(input.detail ?? {}) },
  });
  await rollUpFrom(trx, task.parent_id, now);
  return task;
}

/** Registers a task (立项), optionally as a subtask: omitted fields inherit from the parent. */
export async function registerTask(
  deps: TaskDeps,
  input: TaskFieldsInput & { title: string; parentId?: number | null | undefined; actor: Actor },
): Promise<TaskRow> {
  assertAllowed(can.manageTasks(input.actor));
  return inTransaction(deps.db, async (trx) => {
    const parent = input.parentId ? (await requireVisibleTask(trx, input.actor, input.parentId)).task : null;
    return registerTaskIn(trx, deps, { ...input, parent });
  });
}

/** Decomposes (分解) a task into several subtasks at once, all or nothing. */
export async function decomposeTask(
  deps: TaskDeps,
  input: { taskId: number; version: number; subtasks: Array<TaskFieldsInput & { title: string }>; actor: Actor },
): Promise<TaskRow[]> {
  return inTransaction(deps.db, async (trx) => {
    // Visibility first: a task out of scope is 404 whatever the caller's role.
    const { task, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    assertAllowed(isSupervising(relations));
    if (task.version !== input.version) staleVersion(task.id);
    const created: TaskRow[] = [];
    for (const [index, subtask] of input.subtasks.entries()) {
      const parent = (await findTaskRow(trx, task.id)) ?? task;
      try {
        created.push(await registerTaskIn(trx, deps, { ...subtask, parent, actor: input.actor }));
      } catch (error) {
        // Point at the row of the form that is wrong: `subtasks.2.deadline`.
        if (error instanceof AppError && error.field) {
          throw new AppError(error.code, error.params, `subtasks.${index}.${error.field}`, error.extra);
        }
        throw error;
      }
    }
    return created;
  });
}

/** Edits a task's fields if nobody changed it meanwhile; units are replaced when given. */
export async function updateTask(
  deps: TaskDeps,
  input: TaskFieldsInput & {
    taskId: number;
    version: number;
    title?: string | undefined;
    /** Why the deadline moved (kept in the deadline history). */
    reason?: string | null | undefined;
    actor: Actor;
  },
): Promise<TaskRow> {
  return inTransaction(deps.db, async (trx) => {
    const { task, units: currentUnits, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    assertAllowed(isSupervising(relations));
    if (task.version !== input.version) staleVersion(task.id);
    const unitsChanged = input.leadUnitId !== undefined || input.cooperatingUnits !== undefined;
    const currentLead = task.lead_unit_id;
    const units = unitsChanged
      ? await resolveUnits(
          trx,
          input.leadUnitId !== undefined ? input.leadUnitId : currentLead,
          input.cooperatingUnits ??
            currentUnits.filter((u) => u.role === 'cooperating').map((u) => ({ unitId: u.unit_id, part: u.part })),
        )
      : null;
    if (input.sourceId !== undefined) await checkSource(trx, input.sourceId);
    const leadUnitId = units ? (units.lead?.unitId ?? null) : currentLead;
    // Exactly one lead unit once the task has left the office: only a draft may be without one.
    if (leadUnitId === null && task.status !== 'draft') throw new AppError('lead_unit_required', {}, 'leadUnitId');
    await checkPeople(trx, {
      responsiblePersonId:
        input.responsiblePersonId !== undefined ? input.responsiblePersonId : task.responsible_person_id,
      responsibleLeaderId: input.responsibleLeaderId,
      leadUnitId,
    });
    const deadline = input.deadline !== undefined ? input.deadline : task.deadline;
    const parent = task.parent_id ? await findTaskRow(trx, task.parent_id) : undefined;
    checkDates({
      deadline,
      startDate: input.startDate !== undefined ? input.startDate : task.start_date,
      parentDeadline: parent?.deadline ?? null,
    });
    if (deadline && input.deadline !== undefined) {
      const latest = await latestChildDeadline(trx, task.id);
      if (latest && latest > deadline) throw new AppError('deadline_before_subtasks', { deadline, latest }, 'deadline');
    }
    const now = nowIso();
    // A draft's deadline is still being set: its original deadline follows. Once assigned, the
    // original stays and every move is kept in the deadline history (extensions add theirs).
    const deadlineMoved = input.deadline !== undefined && input.deadline !== task.deadline;
    const changes = {
      ...fieldColumns(input),
      ...(units ? { lead_unit_id: units.lead?.unitId ?? null, lead_unit_path: units.lead?.unitPath ?? null } : {}),
      ...(deadlineMoved && task.status === 'draft' ? { original_deadline: input.deadline ?? null } : {}),
      updated_at: now,
    };
    const updated = await updateTaskRow(trx, task.id, input.version, changes);
    if (!updated) staleVersion(task.id);
    if (deadlineMoved && task.status !== 'draft') {
      await insertDeadlineChangeRow(trx, {
        task_id: task.id,
        from_deadline: task.deadline,
        to_deadline: input.deadline ?? null,
        extension_id: null,
        reason: input.reason?.trim() || null,
        changed_by: input.actor.userId,
        changed_at: now,
      });
    }
    if (units) await writeUnits(trx, task.id, units);
    if (input.weight !== undefined && input.weight !== task.weight) await rollUpFrom(trx, task.parent_id, now);
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'update',
      at: now,
      diff: diffChanges(task, changes),
      detail: units
        ? { units: { lead: units.lead?.unitId ?? null, cooperating: units.cooperating.map((u) => u.unitId) } }
        : {},
    });
    return updated;
  });
}

/** Moves a task (and its subtree) under another parent, or to the top; never under itself. */
export async function moveTask(
  deps: TaskDeps,
  input: { taskId: number; version: number; parentId: number | null; actor: Actor },
): Promise<TaskRow> {
  return inTransaction(deps.db, async (trx) => {
    const visible = await requireVisibleTask(trx, input.actor, input.taskId);
    assertAllowed(isSupervising(visible.relations));
    const seen = input.parentId === null ? null : (await requireVisibleTask(trx, input.actor, input.parentId)).task;
    // Lock the task, the target and the target's ancestors, then read both again: a concurrent
    // move of any of them has committed by now, so the cycle check and the paths below are current.
    await lockTaskRows(trx, [visible.task.id, ...(seen ? pathIds(seen.path) : [])]);
    const task = await findTaskRow(trx, visible.task.id);
    const target = seen ? await findTaskRow(trx, seen.id) : null;
    if (!task || target === undefined) throw new AppError('not_found', { object: 'task' });
    if (task.version !== input.version) staleVersion(task.id);
    if (target?.path.startsWith(task.path)) throw new AppError('task_move_cycle', {}, 'parentId');
    checkDates({ deadline: task.deadline, startDate: null, parentDeadline: target?.deadline ?? null });
    const now = nowIso();
    const newPath = `${target?.path ?? '/'}${task.id}/`;
    const moved = await updateTaskRow(trx, task.id, input.version, { parent_id: target?.id ?? null, updated_at: now });
    if (!moved) staleVersion(task.id);
    await rewriteSubtreePaths(trx, task.path, newPath, (target ? target.depth + 1 : 0) - task.depth);
    await rollUpFrom(trx, task.parent_id, now);
    await rollUpFrom(trx, target?.id ?? null, now);
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'move',
      at: now,
      detail: { fromParentId: task.parent_id, toParentId: target?.id ?? null },
    });
    const result = await findTaskRow(trx, task.id);
    if (!result) throw new AppError('not_found', { object: 'task' });
    return result;
  });
}

/** Deletes a draft task with its (draft) subtasks; anything already assigned stays, for the record. */
export async function deleteTask(
  deps: TaskDeps,
  input: { taskId: number; version: number; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const { task, relations } = await requireVisibleTask(trx, input.actor, input.taskId);
    assertAllowed(isSupervising(relations));
    if (task.version !== input.version) staleVersion(task.id);
    const subtree = await listSubtreeRows(trx, task.path);
    if (subtree.some((row) => row.status !== 'draft')) throw new AppError('task_not_draft');
    const now = nowIso();
    await recordTaskChange(trx, input.actor, {
      taskId: task.id,
      action: 'delete',
      at: now,
      detail: { number: task.number, title: task.title, subtasks: subtree.length - 1 },
    });
    await deleteSubtree(trx, task.path);
    await rollUpFrom(trx, task.parent_id, now);
  });
}
