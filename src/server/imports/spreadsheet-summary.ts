import type { SpreadsheetImportResult } from '../../shared/spreadsheet-api.js';
import type { SourceRow } from '../sources/sources.repository.js';
import type { SheetState } from './spreadsheet-lookups.js';
import type { PlannedRow } from './spreadsheet-validate.js';

/** What writing a sheet did, by 序号. */
export interface WriteOutcome {
  created: Map<string, number>;
  updated: Set<string>;
  unchanged: Set<string>;
}

/** Numeric order of 序号: 1.2 before 1.10. */
function compareKeys(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** The answer of a finished import: counts, each row's outcome in sheet order, keys no longer in the sheet. */
export function summariseImport(
  rows: PlannedRow[],
  state: SheetState,
  source: { row: SourceRow; isNew: boolean },
  outcome: WriteOutcome,
  assigned: boolean,
): SpreadsheetImportResult {
  const inSheet = new Set(rows.map((row) => row.key));
  const outcomeOf = (key: string) =>
    outcome.created.has(key) ? 'created' : outcome.updated.has(key) ? 'updated' : 'unchanged';
  return {
    source: { id: source.row.id, title: source.row.title, isNew: source.isNew },
    created: outcome.created.size,
    updated: outcome.updated.size,
    unchanged: outcome.unchanged.size,
    assigned,
    rows: [...rows]
      .sort((a, b) => a.row - b.row)
      .map((row) => ({
        row: row.row,
        number: row.key,
        taskId: outcome.created.get(row.key) ?? (state.tasksByKey.get(row.key)?.id as number),
        outcome: outcomeOf(row.key),
      })),
    notInSheet: [...state.tasksByKey]
      .filter(([key]) => !inSheet.has(key))
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, task]) => ({ number: key, taskId: task.id, title: task.title })),
  };
}
