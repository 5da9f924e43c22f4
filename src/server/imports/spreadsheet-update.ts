import { diffChanges } from '../../domain/field-diff.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { insertDeadlineChangeRow } from '../supervision/extensions.repository.js';
import { checkDates } from '../tasks/task-fields.js';
import type { TaskChange } from '../tasks/task-history.js';
import {
  findTaskRow,
  listChildRows,
  replaceTaskUnits,
  type TaskChanges,
  type TaskRow,
  type TaskUnitRow,
  updateTaskRow,
} from '../tasks/tasks.repository.js';
import type { PlannedRow } from './spreadsheet-validate.js';

// Re-importing an updated sheet: a row whose 序号 an earlier import of the source created updates
// that task by the rules of editing a task (tasks.service updateTask) — versioned update, units
// replaced keeping acknowledgements and parts, deadline history once assigned, a history entry
// with the diff — composed here because updateTask opens a transaction of its own.

/** What updating needs besides the row and its task. */
export interface UpdateContext {
  trx: Executor;
  actor: Actor;
  now: string;
  sourceId: number;
  unitPaths: ReadonlyMap<number, string>;
  /** The deadline each keyed task will have after this import (the sheet's value), by task id. */
  plannedDeadlines: ReadonlyMap<number, string | null>;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** The column changes the row asks of its task; empty when the sheet says what the task already holds. */
export function rowChanges(row: PlannedRow, task: TaskRow, units: readonly TaskUnitRow[]) {
  const columns: TaskChanges = {};
  if (row.title !== task.title) columns.title = row.title;
  if (row.description !== task.description) columns.description = row.description;
  if (row.deadline !== task.deadline) columns.deadline = row.deadline;
  if (row.leaderId !== task.responsible_leader_id) columns.responsible_leader_id = row.leaderId;
  const cooperating = units.filter((u) => u.role === 'cooperating').map((u) => u.unit_id);
  const unitsChanged = row.leadUnitId !== task.lead_unit_id || !sameSet(row.cooperatingUnitIds, cooperating);
  return { columns, unitsChanged };
}

/** The deadline a task's parent will have: the sheet's when the parent is keyed, else its own. */
async function parentDeadline(ctx: UpdateContext, task: TaskRow): Promise<string | null> {
  if (task.parent_id === null) return null;
  if (ctx.plannedDeadlines.has(task.parent_id)) return ctx.plannedDeadlines.get(task.parent_id) ?? null;
  return (await findTaskRow(ctx.trx, task.parent_id))?.deadline ?? null;
}

/** The latest deadline the task's subtasks will have (keyed ones take the sheet's). */
async function latestChildDeadline(ctx: UpdateContext, taskId: number): Promise<string | null> {
  let latest: string | null = null;
  for (const child of await listChildRows(ctx.trx, taskId)) {
    const deadline = ctx.plannedDeadlines.has(child.id) ? (ctx.plannedDeadlines.get(child.id) ?? null) : child.deadline;
    if (deadline && (latest === null || deadline > latest)) latest = deadline;
  }
  return latest;
}

/**
 * Applies a row to the task it created; returns the change to record (recordTaskChanges, once
 * for all rows), or null when the sheet says what the task already holds. Rule failures throw the
 * task rules' own AppError (the caller turns it into a problem of the row).
 */
export async function updateFromRow(
  ctx: UpdateContext,
  row: PlannedRow,
  task: TaskRow,
  units: readonly TaskUnitRow[],
): Promise<TaskChange | null> {
  const { columns, unitsChanged } = rowChanges(row, task, units);
  if (Object.keys(columns).length === 0 && !unitsChanged) return null;
  if (row.leadUnitId === null && task.status !== 'draft') throw new AppError('lead_unit_required', {}, 'leadUnitId');
  if (columns.deadline !== undefined) {
    checkDates({ deadline: row.deadline, startDate: task.start_date, parentDeadline: await parentDeadline(ctx, task) });
    const latest = await latestChildDeadline(ctx, task.id);
    if (row.deadline && latest && latest > row.deadline) {
      throw new AppError('deadline_before_subtasks', { deadline: row.deadline, latest }, 'deadline');
    }
  }
  const lead = row.leadUnitId === null ? null : { id: row.leadUnitId, path: ctx.unitPaths.get(row.leadUnitId) ?? null };
  const changes: TaskChanges = {
    ...columns,
    ...(unitsChanged ? { lead_unit_id: lead?.id ?? null, lead_unit_path: lead?.path ?? null } : {}),
    // A draft's deadline is still being set: the original follows (as in updateTask).
    ...(columns.deadline !== undefined && task.status === 'draft' ? { original_deadline: row.deadline } : {}),
    updated_at: ctx.now,
  };
  const updated = await updateTaskRow(ctx.trx, task.id, task.version, changes);
  if (!updated) throw new AppError('version_conflict', { object: 'task', id: task.id });
  if (columns.deadline !== undefined && task.status !== 'draft') {
    await insertDeadlineChangeRow(ctx.trx, {
      task_id: task.id,
      from_deadline: task.deadline,
      to_deadline: row.deadline,
      extension_id: null,
      reason: null,
      changed_by: ctx.actor.userId,
      changed_at: ctx.now,
    });
  }
  if (unitsChanged) {
    const parts = new Map(units.map((u) => [u.unit_id, u.part]));
    await replaceTaskUnits(ctx.trx, task.id, [
      ...(lead ? [{ unitId: lead.id, role: 'lead' as const, part: null, unitPath: lead.path ?? '/' }] : []),
      ...row.cooperatingUnitIds.map((unitId) => ({
        unitId,
        role: 'cooperating' as const,
        part: parts.get(unitId) ?? null,
        unitPath: ctx.unitPaths.get(unitId) ?? '/',
      })),
    ]);
  }
  return {
    taskId: task.id,
    action: 'update',
    at: ctx.now,
    diff: diffChanges(task, changes),
    detail: {
      importSourceId: ctx.sourceId,
      importKey: row.key,
      ...(unitsChanged ? { units: { lead: lead?.id ?? null, cooperating: row.cooperatingUnitIds } } : {}),
    },
  };
}
