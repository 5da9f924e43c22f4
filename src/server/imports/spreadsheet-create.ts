import { localDate, taskNumber, yearOf } from '../../domain/dates.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Executor } from '../db/connect.js';
import { rollUpFrom, type TaskRow } from '../tasks/tasks.repository.js';
import {
  insertTaskRows,
  insertTaskUnitRows,
  type NewTaskValues,
  reserveTaskSeqs,
  setTaskPaths,
} from './spreadsheet.repository.js';
import { recordTaskChanges } from './spreadsheet-history.js';
import type { PlannedRow } from './spreadsheet-validate.js';

// Registers a sheet's new rows as draft tasks in bulk, inside the import's transaction: the same
// columns, history entry, audit entry and health queueing as registering one task (tasks.service
// registerIn), written a level of the tree at a time with multi-row statements, so 10,000 rows
// take a few dozen statements instead of ~200,000.

/** What creating needs besides the rows. */
export interface CreateContext {
  trx: Executor;
  actor: Actor;
  config: Config;
  sourceId: number;
  now: string;
  /** Materialised paths of the active units (all rows' units are among them: validated). */
  unitPaths: ReadonlyMap<number, string>;
  /** Tasks of the source's earlier imports by 序号: parents of new rows that are not in this sheet's new rows. */
  existing: ReadonlyMap<string, TaskRow>;
}

/** Rows grouped by 序号 depth, parents' level first. */
function levels(rows: readonly PlannedRow[]): PlannedRow[][] {
  const byDepth = new Map<number, PlannedRow[]>();
  for (const row of rows) {
    const depth = row.key.split('.').length;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), row]);
  }
  return [...byDepth.entries()].sort(([a], [b]) => a - b).map(([, list]) => list);
}

function taskValues(
  row: PlannedRow,
  ctx: CreateContext,
  parent: { id: number; depth: number } | null,
  number: { year: number; seq: number },
  childCount: number,
): NewTaskValues {
  const leadPath = row.leadUnitId === null ? null : (ctx.unitPaths.get(row.leadUnitId) ?? null);
  return {
    parent_id: parent?.id ?? null,
    path: '',
    depth: parent ? parent.depth + 1 : 0,
    year: number.year,
    seq: number.seq,
    number: taskNumber(number.year, number.seq),
    title: row.title,
    description: row.description,
    source_id: ctx.sourceId,
    category: null,
    tags: '[]',
    is_key: 0,
    priority: 'normal',
    is_public: 0,
    lead_unit_id: row.leadUnitId,
    lead_unit_path: leadPath,
    responsible_leader_id: row.leaderId,
    responsible_person_id: null,
    start_date: null,
    deadline: row.deadline,
    original_deadline: row.deadline,
    deadline_working_days: null,
    weight: 1,
    progress: 0,
    child_count: childCount,
    status: 'draft',
    suspended_from: null,
    assigned_at: null,
    closed_at: null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  };
}

/**
 * Creates the rows as draft tasks of the source, parents before children; returns each new
 * task's id by 序号. Existing parents that receive new subtasks get their roll-up recomputed.
 */
export async function createPlannedTasks(
  ctx: CreateContext,
  rows: readonly PlannedRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const created = new Map<string, { id: number; depth: number; number: string; parentId: number | null }>();
  const childCounts = new Map<string, number>();
  for (const row of rows) if (row.parentKey) childCounts.set(row.parentKey, (childCounts.get(row.parentKey) ?? 0) + 1);
  const year = yearOf(localDate(new Date(), ctx.config.timeZone));
  let seq = await reserveTaskSeqs(ctx.trx, year, rows.length);
  for (const level of levels(rows)) {
    const values = level.map((row) => {
      const parent = row.parentKey === null ? null : (created.get(row.parentKey) ?? ctx.existing.get(row.parentKey));
      return taskValues(row, ctx, parent ?? null, { year, seq: seq++ }, childCounts.get(row.key) ?? 0);
    });
    const inserted = await insertTaskRows(ctx.trx, values);
    const idByNumber = new Map(inserted.map((r) => [r.number, r.id]));
    for (const [index, row] of level.entries()) {
      const value = values[index] as NewTaskValues;
      const id = idByNumber.get(value.number) as number;
      created.set(row.key, {
        id,
        depth: value.depth as number,
        number: value.number,
        parentId: value.parent_id ?? null,
      });
    }
    await setTaskPaths(
      ctx.trx,
      inserted.map((r) => r.id),
    );
  }
  const task = (row: PlannedRow) => created.get(row.key) as { id: number; number: string; parentId: number | null };
  await insertTaskUnitRows(
    ctx.trx,
    rows.flatMap((row) => unitLinks(row, task(row).id, ctx.unitPaths)),
  );
  // Earlier imports' tasks that received new subtasks: child count and progress, up to the root.
  const existingParents = new Set<number>();
  for (const row of rows) {
    const parent = row.parentKey && !created.has(row.parentKey) ? ctx.existing.get(row.parentKey) : undefined;
    if (parent) existingParents.add(parent.id);
  }
  for (const parentId of existingParents) await rollUpFrom(ctx.trx, parentId, ctx.now);
  await recordTaskChanges(
    ctx.trx,
    ctx.actor,
    rows.map((row) => ({
      taskId: task(row).id,
      action: 'create',
      at: ctx.now,
      toStatus: 'draft',
      detail: { number: task(row).number, title: row.title, parentId: task(row).parentId, importKey: row.key },
    })),
  );
  return new Map([...created].map(([key, value]) => [key, value.id]));
}

/** A row's lead and cooperating links. */
function unitLinks(row: PlannedRow, taskId: number, unitPaths: ReadonlyMap<number, string>) {
  const units = [
    ...(row.leadUnitId === null ? [] : [{ unitId: row.leadUnitId, role: 'lead' as const }]),
    ...row.cooperatingUnitIds.map((unitId) => ({ unitId, role: 'cooperating' as const })),
  ];
  return units.map((unit) => ({
    task_id: taskId,
    unit_id: unit.unitId,
    role: unit.role,
    unit_path: unitPaths.get(unit.unitId) ?? '/',
    part: null,
    acknowledged_at: null,
    acknowledged_by: null,
  }));
}
