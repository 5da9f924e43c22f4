import type { z } from 'zod';
import type { createTaskBody } from '../../shared/task-api.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findSourceRow } from '../sources/sources.repository.js';
import { requireActiveUnit } from '../units/units.service.js';
import { findUserById } from '../users/users.repository.js';
import type { TaskChanges, TaskRow, TaskUnitRow } from './tasks.repository.js';

/** The editable fields of a task, as the API takes them. */
export type TaskFieldsInput = Partial<Omit<z.output<typeof createTaskBody>, 'parentId'>>;

export interface ResolvedUnits {
  lead: { unitId: number; unitPath: string } | null;
  cooperating: Array<{ unitId: number; unitPath: string; part: string | null }>;
}

/**
 * Fills what a subtask leaves out from its parent: source, units (parts are the parent's own and
 * are not copied), responsible leader and deadline.
 */
export function inheritFromParent(
  input: TaskFieldsInput,
  parent: TaskRow | null,
  parentUnits: TaskUnitRow[],
): TaskFieldsInput {
  if (!parent) return input;
  // A subtask led by one of the parent's cooperating units keeps the others, not itself.
  const leadUnitId = input.leadUnitId !== undefined ? input.leadUnitId : parent.lead_unit_id;
  return {
    ...input,
    sourceId: input.sourceId !== undefined ? input.sourceId : parent.source_id,
    leadUnitId,
    cooperatingUnits:
      input.cooperatingUnits ??
      parentUnits
        .filter((u) => u.role === 'cooperating' && u.unit_id !== leadUnitId)
        .map((u) => ({ unitId: u.unit_id, part: null })),
    responsibleLeaderId:
      input.responsibleLeaderId !== undefined ? input.responsibleLeaderId : parent.responsible_leader_id,
    deadline: input.deadline !== undefined || input.deadlineWorkingDays ? input.deadline : parent.deadline,
  };
}

/** Checks and resolves the units of a task: all must exist and be active; the lead is not also cooperating. */
export async function resolveUnits(
  db: Executor,
  leadUnitId: number | null | undefined,
  cooperating: TaskFieldsInput['cooperatingUnits'],
): Promise<ResolvedUnits> {
  const lead = leadUnitId ? await requireActiveUnit(db, leadUnitId, 'leadUnitId') : null;
  const seen = new Set<number>();
  const result: ResolvedUnits = { lead: lead ? { unitId: lead.id, unitPath: lead.path } : null, cooperating: [] };
  for (const entry of cooperating ?? []) {
    if (entry.unitId === lead?.id) throw new AppError('cooperating_unit_is_lead', {}, 'cooperatingUnits');
    if (seen.has(entry.unitId)) continue;
    seen.add(entry.unitId);
    const unit = await requireActiveUnit(db, entry.unitId, 'cooperatingUnits');
    result.cooperating.push({ unitId: unit.id, unitPath: unit.path, part: entry.part?.trim() || null });
  }
  return result;
}

/** The responsible person must be an active member of the lead unit; the leader an active leader. */
export async function checkPeople(
  db: Executor,
  input: {
    responsiblePersonId?: number | null | undefined;
    responsibleLeaderId?: number | null | undefined;
    leadUnitId: number | null;
  },
): Promise<void> {
  if (input.responsiblePersonId) {
    const person = await findUserById(db, input.responsiblePersonId);
    if (!person || person.deactivated_at !== null || person.unit_id !== input.leadUnitId) {
      throw new AppError('responsible_person_not_in_unit', {}, 'responsiblePersonId');
    }
  }
  if (input.responsibleLeaderId) {
    const leader = await findUserById(db, input.responsibleLeaderId);
    if (!leader || leader.deactivated_at !== null || !leader.roles.includes('leader')) {
      throw new AppError('responsible_leader_invalid', {}, 'responsibleLeaderId');
    }
  }
}

/** The source must exist. */
export async function checkSource(db: Executor, sourceId: number | null | undefined): Promise<void> {
  if (sourceId && !(await findSourceRow(db, sourceId)))
    throw new AppError('source_not_found', { id: sourceId }, 'sourceId');
}

/** Deadline rules: not after the parent's; the start not after the deadline. */
export function checkDates(input: {
  deadline: string | null;
  startDate: string | null;
  parentDeadline: string | null;
}): void {
  if (input.deadline && input.parentDeadline && input.deadline > input.parentDeadline) {
    throw new AppError(
      'deadline_after_parent',
      { deadline: input.deadline, parentDeadline: input.parentDeadline },
      'deadline',
    );
  }
  if (input.deadline && input.startDate && input.startDate > input.deadline) {
    throw new AppError('start_after_deadline', { startDate: input.startDate, deadline: input.deadline }, 'startDate');
  }
}

/** The plain (non-unit) column changes for the given fields; only what was provided. */
export function fieldColumns(input: TaskFieldsInput & { title?: string | undefined }): TaskChanges {
  const c: TaskChanges = {};
  if (input.title !== undefined) c.title = input.title.trim();
  if (input.description !== undefined) c.description = input.description?.trim() ? input.description : null;
  if (input.sourceId !== undefined) c.source_id = input.sourceId;
  if (input.category !== undefined) c.category = input.category?.trim() || null;
  if (input.tags !== undefined) c.tags = JSON.stringify([...new Set(input.tags.map((t) => t.trim()).filter(Boolean))]);
  if (input.isKey !== undefined) c.is_key = input.isKey ? 1 : 0;
  if (input.priority !== undefined) c.priority = input.priority;
  if (input.isPublic !== undefined) c.is_public = input.isPublic ? 1 : 0;
  if (input.responsibleLeaderId !== undefined) c.responsible_leader_id = input.responsibleLeaderId;
  if (input.responsiblePersonId !== undefined) c.responsible_person_id = input.responsiblePersonId;
  if (input.startDate !== undefined) c.start_date = input.startDate;
  if (input.deadline !== undefined) c.deadline = input.deadline;
  if (input.deadlineWorkingDays !== undefined) c.deadline_working_days = input.deadlineWorkingDays;
  if (input.weight !== undefined) c.weight = input.weight;
  return c;
}
