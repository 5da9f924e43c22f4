import type { Executor } from '../db/connect.js';
import type { TaskRow, TaskUnitRow } from '../tasks/tasks.repository.js';
import { listKeyedTasks, listKeyedTaskUnits } from './import-keys.repository.js';
import { listActiveLeaders, listActiveUnitNames } from './spreadsheet.repository.js';
import type { ExistingTask, SheetLookups } from './spreadsheet-validate.js';

// Everything an import resolves names and 序号 against, read in a handful of queries before the
// first row is looked at: units by every name they answer to, leaders by name, and the tasks an
// earlier import of the same source created.

/** The lookups and what writing needs of the same reads. */
export interface SheetState {
  lookups: SheetLookups;
  unitPaths: Map<number, string>;
  tasksByKey: Map<string, TaskRow>;
  unitsByTask: Map<number, TaskUnitRow[]>;
}

function addName(index: Map<string, number[]>, name: string | null | undefined, id: number): void {
  const key = name?.trim();
  if (!key) return;
  const ids = index.get(key);
  if (!ids) index.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function aliasesOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads the lookups for an import; `sourceId` when re-importing into an existing source. */
export async function loadSheetLookups(db: Executor, sourceId: number | undefined): Promise<SheetState> {
  const [units, leaders, keyed, keyedUnits] = await Promise.all([
    listActiveUnitNames(db),
    listActiveLeaders(db),
    sourceId ? listKeyedTasks(db, sourceId) : [],
    sourceId ? listKeyedTaskUnits(db, sourceId) : [],
  ]);
  const unitsByName = new Map<string, number[]>();
  const unitPaths = new Map<number, string>();
  for (const unit of units) {
    unitPaths.set(unit.id, unit.path);
    addName(unitsByName, unit.name, unit.id);
    addName(unitsByName, unit.short_name, unit.id);
    for (const alias of aliasesOf(unit.aliases)) addName(unitsByName, alias, unit.id);
  }
  const leadersByName = new Map<string, number[]>();
  for (const leader of leaders) addName(leadersByName, leader.display_name, leader.id);
  const unitsByTask = new Map<number, TaskUnitRow[]>();
  for (const row of keyedUnits) unitsByTask.set(row.task_id, [...(unitsByTask.get(row.task_id) ?? []), row]);
  const tasksByKey = new Map<string, TaskRow>();
  const existing = new Map<string, ExistingTask>();
  for (const { row_key, ...task } of keyed) {
    tasksByKey.set(row_key, task);
    existing.set(row_key, {
      taskId: task.id,
      deadline: task.deadline,
      leadUnitId: task.lead_unit_id,
      cooperatingUnitIds: (unitsByTask.get(task.id) ?? [])
        .filter((u) => u.role === 'cooperating')
        .map((u) => u.unit_id),
      leaderId: task.responsible_leader_id,
    });
  }
  return { lookups: { unitsByName, leadersByName, existing }, unitPaths, tasksByKey, unitsByTask };
}
