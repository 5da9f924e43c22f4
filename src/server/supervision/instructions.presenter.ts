import type { z } from 'zod';
import type { instructionTargetSchema } from '../../shared/instructions-api.js';
import type { Executor } from '../db/connect.js';
import { findUnitRows } from '../units/units.repository.js';
import { personNames } from '../users/people-names.repository.js';
import type { ListedTarget } from './instructions.service.js';

type TargetView = z.infer<typeof instructionTargetSchema>;

/** Instruction targets as the API answers them: fields listed one by one, people and units by name. */
export async function presentInstructionTargets(db: Executor, items: readonly ListedTarget[]): Promise<TargetView[]> {
  const rows = items.map((item) => item.row);
  const [people, units] = await Promise.all([
    personNames(db, [
      ...rows.map((row) => row.leader_id),
      ...rows.flatMap((row) => (row.responded_by === null ? [] : [row.responded_by])),
    ]),
    findUnitRows(db, [...new Set(rows.flatMap((row) => (row.unit_id === null ? [] : [row.unit_id])))]),
  ]);
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return items.map(({ row, overdue, canRespond }) => ({
    instructionId: row.instruction_id,
    task: { id: row.task_id, number: row.task_number, title: row.task_title },
    unit: row.unit_id === null ? null : { id: row.unit_id, name: unitNames.get(row.unit_id) ?? '' },
    leader: { id: row.leader_id, displayName: people.get(row.leader_id) ?? '' },
    body: row.body,
    respondBy: row.respond_by,
    createdAt: row.created_at,
    taskCount: Number(row.task_count),
    response: row.response,
    respondedAt: row.responded_at,
    respondedBy:
      row.responded_by === null ? null : { id: row.responded_by, displayName: people.get(row.responded_by) ?? '' },
    overdue,
    canRespond,
  }));
}
