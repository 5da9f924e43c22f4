import { diffChanges } from '../../domain/field-diff.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { AppError } from '../errors.js';
import { insertDeadlineChangeRow } from '../supervision/extensions.repository.js';
import {
  checkDates,
  checkPeople,
  fieldColumns,
  inheritFromParent,
  type ResolvedUnits,
  resolveUnits,
  type TaskFieldsInput,
} from '../tasks/task-fields.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { listTaskUnitRows, replaceTaskUnits, type TaskRow, updateTaskRow } from '../tasks/tasks.repository.js';
import { registerTaskIn, type TaskDeps } from '../tasks/tasks.service.js';

// Writing the tasks of an imported tree inside the import's one transaction. registerTask and
// updateTask open transactions of their own, so this file composes the same lower-level pieces
// they use (src/server/tasks/task-fields.ts, tasks.repository.ts, task-history.ts) in the same
// order, with the same checks, history and audit entries.

async function writeUnits(db: Executor, taskId: number, units: ResolvedUnits): Promise<void> {
  await replaceTaskUnits(db, taskId, [
    ...(units.lead ? [{ ...units.lead, role: 'lead' as const, part: null }] : []),
    ...units.cooperating.map((u) => ({ ...u, role: 'cooperating' as const })),
  ]);
}

/** Registers one imported item as a draft under `parent`, as registering a task does; what it leaves out it inherits. */
export function createImportedTask(
  trx: Executor,
  deps: TaskDeps,
  input: { title: string; fields: TaskFieldsInput; parent: TaskRow | null; actor: Actor },
): Promise<TaskRow> {
  return registerTaskIn(trx, deps, {
    ...input.fields,
    title: input.title,
    parent: input.parent,
    actor: input.actor,
    detail: { imported: true },
  });
}

function sameUnits(current: Awaited<ReturnType<typeof listTaskUnitRows>>, next: ResolvedUnits): boolean {
  const key = (rows: Array<{ id: number; role: string }>) =>
    rows
      .map((r) => `${r.role}:${r.id}`)
      .sort()
      .join(',');
  return (
    key(current.map((u) => ({ id: u.unit_id, role: u.role }))) ===
    key([
      ...(next.lead ? [{ id: next.lead.unitId, role: 'lead' }] : []),
      ...next.cooperating.map((u) => ({ id: u.unitId, role: 'cooperating' })),
    ])
  );
}

/**
 * Brings a task an earlier import of the same document made up to the reviewed item: title,
 * description, units, leader, deadline, key flag. Nothing changed, nothing written.
 */
export async function updateImportedTask(
  trx: Executor,
  input: { task: TaskRow; title: string; fields: TaskFieldsInput; parent: TaskRow | null; actor: Actor },
): Promise<TaskRow> {
  const { task } = input;
  const parentUnits = input.parent ? await listTaskUnitRows(trx, [input.parent.id]) : [];
  const fields = inheritFromParent(input.fields, input.parent, parentUnits);
  const units = await resolveUnits(trx, fields.leadUnitId, fields.cooperatingUnits);
  if (!units.lead && task.status !== 'draft') throw new AppError('lead_unit_required', {}, 'leadUnitId');
  await checkPeople(trx, { ...fields, leadUnitId: units.lead?.unitId ?? null });
  checkDates({
    deadline: fields.deadline ?? null,
    startDate: task.start_date,
    parentDeadline: input.parent?.deadline ?? null,
  });
  const columns = fieldColumns({ ...fields, title: input.title, cooperatingUnits: undefined, leadUnitId: undefined });
  const diff = diffChanges(task, columns);
  const unitsChanged = !sameUnits(await listTaskUnitRows(trx, [task.id]), units);
  if (Object.keys(diff.after).length === 0 && !unitsChanged) return task;
  const now = nowIso();
  const deadlineMoved = columns.deadline !== undefined && columns.deadline !== task.deadline;
  const updated = await updateTaskRow(trx, task.id, task.version, {
    ...columns,
    lead_unit_id: units.lead?.unitId ?? null,
    lead_unit_path: units.lead?.unitPath ?? null,
    ...(deadlineMoved && task.status === 'draft' ? { original_deadline: columns.deadline ?? null } : {}),
    updated_at: now,
  });
  if (!updated) throw new AppError('version_conflict', { object: 'task', id: task.id });
  if (deadlineMoved && task.status !== 'draft') {
    await insertDeadlineChangeRow(trx, {
      task_id: task.id,
      from_deadline: task.deadline,
      to_deadline: columns.deadline ?? null,
      extension_id: null,
      reason: null,
      changed_by: input.actor.userId,
      changed_at: now,
    });
  }
  if (unitsChanged) await writeUnits(trx, task.id, units);
  await recordTaskChange(trx, input.actor, {
    taskId: task.id,
    action: 'update',
    at: now,
    diff,
    detail: { imported: true },
  });
  return updated;
}
