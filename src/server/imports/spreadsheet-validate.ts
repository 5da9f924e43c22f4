import type { SpreadsheetColumn, SpreadsheetProblemCode } from '../../shared/spreadsheet-api.js';
import { SPREADSHEET_COLUMNS, SPREADSHEET_LIMITS } from '../../shared/spreadsheet-api.js';
import { TASK_LIMITS } from '../../shared/tasks.js';
import { cellText, parentKeyOf, parseDeadline, rowKeyOf, splitNames } from './spreadsheet-cells.js';
import type { ReadSheet, SheetRow } from './spreadsheet-read.js';
import { canonicalHeader } from './spreadsheet-template.js';

// Checks every row of a 任务分解表 before anything is written, and turns the good sheet into the
// rows to register or update: units and leaders resolved to ids, deadlines to dates, and what a
// subtask leaves empty inherited from its parent, as registering a subtask does.

/** One problem: row as Excel numbers it (null: the whole sheet), column as the sheet's header names it. */
export interface RowProblem {
  row: number | null;
  column: string | null;
  code: SpreadsheetProblemCode;
  params: Record<string, string | number>;
}

/** A task the source's earlier imports created, under its 序号, with the fields a sheet sets. */
export interface ExistingTask {
  taskId: number;
  deadline: string | null;
  leadUnitId: number | null;
  cooperatingUnitIds: number[];
  leaderId: number | null;
}

/** Names to ids, read once before validation (no query per row). */
export interface SheetLookups {
  /** Active units by trimmed name, short name and each alias. */
  unitsByName: ReadonlyMap<string, readonly number[]>;
  /** Active people with the leader role, by display name. */
  leadersByName: ReadonlyMap<string, readonly number[]>;
  /** When re-importing into a source: its earlier rows by 序号. */
  existing: ReadonlyMap<string, ExistingTask>;
}

/** A good row, with the values its task should have (inherited ones filled in). */
export interface PlannedRow {
  row: number;
  key: string;
  parentKey: string | null;
  title: string;
  description: string | null;
  leadUnitId: number | null;
  cooperatingUnitIds: number[];
  leaderId: number | null;
  deadline: string | null;
}

/** A row's own cells, read; undefined where the cell is empty (the parent's value then applies). */
interface OwnRow {
  row: number;
  key: string | undefined;
  title: string;
  description: string | null;
  lead: number | undefined;
  cooperating: number[] | undefined;
  leader: number | undefined;
  deadline: string | null;
  deadlineOk: boolean;
}

type Report = (
  row: number | null,
  column: SpreadsheetColumn | null,
  code: SpreadsheetProblemCode,
  params?: RowProblem['params'],
) => void;

function resolveNames(
  names: string[],
  lookup: ReadonlyMap<string, readonly number[]>,
  unknown: SpreadsheetProblemCode,
  ambiguous: SpreadsheetProblemCode,
  report: (code: SpreadsheetProblemCode, params: RowProblem['params']) => void,
): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const found = lookup.get(name) ?? [];
    if (found.length === 0) report(unknown, { name });
    else if (found.length > 1) report(ambiguous, { name, count: found.length });
    else if (found[0] !== undefined && !ids.includes(found[0])) ids.push(found[0]);
  }
  return ids;
}

function readOwnRow(sheetRow: SheetRow, lookups: SheetLookups, report: Report): OwnRow {
  const { row, cells } = sheetRow;
  const at = (column: SpreadsheetColumn) => (code: SpreadsheetProblemCode, params: RowProblem['params']) =>
    report(row, column, code, params);
  const numberText = cellText(cells.number);
  const key = rowKeyOf(cells.number);
  if (numberText === '') report(row, 'number', 'number_missing');
  else if (!key) report(row, 'number', 'number_invalid', { value: numberText });
  const title = cellText(cells.title).replace(/\s*[\r\n]+\s*/g, ' ');
  if (title === '') report(row, 'title', 'title_missing');
  else if (title.length > TASK_LIMITS.titleMax) report(row, 'title', 'title_too_long', { max: TASK_LIMITS.titleMax });
  const description = cellText(cells.remarks) || null;
  if (description && description.length > TASK_LIMITS.descriptionMax) {
    report(row, 'remarks', 'remarks_too_long', { max: TASK_LIMITS.descriptionMax });
  }
  // The first unit named as lead leads; any others named there cooperate (the usual convention).
  const leads = resolveNames(splitNames(cells.lead), lookups.unitsByName, 'unit_unknown', 'unit_ambiguous', at('lead'));
  const others = resolveNames(
    splitNames(cells.cooperating),
    lookups.unitsByName,
    'unit_unknown',
    'unit_ambiguous',
    at('cooperating'),
  );
  const leaderNames = splitNames(cells.leader).slice(0, 1);
  const leaders = resolveNames(leaderNames, lookups.leadersByName, 'leader_unknown', 'leader_ambiguous', at('leader'));
  const reading = parseDeadline(cells.deadline);
  if (!reading.ok) report(row, 'deadline', reading.code, { value: reading.value });
  const lead = leads[0];
  const cooperating = [...leads.slice(1), ...others].filter((id, i, all) => id !== lead && all.indexOf(id) === i);
  return {
    row,
    key,
    title,
    description,
    lead,
    cooperating: splitNames(cells.cooperating).length > 0 || leads.length > 1 ? cooperating : undefined,
    leader: leaders[0],
    deadline: reading.ok ? reading.date : null,
    deadlineOk: reading.ok,
  };
}

interface Effective {
  leadUnitId: number | null;
  cooperatingUnitIds: number[];
  leaderId: number | null;
  deadline: string | null;
}

const NO_PARENT: Effective = { leadUnitId: null, cooperatingUnitIds: [], leaderId: null, deadline: null };

/** What a row's task holds once the parent's values fill its empty cells (as inheritFromParent does). */
function inherit(own: OwnRow, parent: Effective): Effective {
  const leadUnitId = own.lead ?? parent.leadUnitId;
  return {
    leadUnitId,
    cooperatingUnitIds: own.cooperating ?? parent.cooperatingUnitIds.filter((id) => id !== leadUnitId),
    leaderId: own.leader ?? parent.leaderId,
    deadline: own.deadline ?? parent.deadline,
  };
}

/** The parent's values for a row: none at the top, the sheet's row, or the task of an earlier import. */
function parentValues(
  parentKey: string | null,
  byKey: ReadonlyMap<string, OwnRow>,
  effective: ReadonlyMap<string, Effective | undefined>,
  existing: SheetLookups['existing'],
): Effective | undefined {
  if (parentKey === null) return NO_PARENT;
  if (byKey.has(parentKey)) return effective.get(parentKey);
  return existing.get(parentKey);
}

const COLUMN_ORDER: readonly (SpreadsheetColumn | null)[] = [null, ...SPREADSHEET_COLUMNS];

/**
 * Validates every row and plans the good sheet. Any problem at all → the caller writes nothing;
 * the problems come sorted by row, then in column order.
 */
export function validateSheet(
  sheet: ReadSheet,
  lookups: SheetLookups,
  options: { assign: boolean },
): { problems: RowProblem[]; rows: PlannedRow[] } {
  const found: Array<Omit<RowProblem, 'column'> & { column: SpreadsheetColumn | null }> = [];
  const report: Report = (row, column, code, params = {}) => found.push({ row, column, code, params });
  const problems = () =>
    found
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column))
      .map((p) => ({ ...p, column: p.column ? (sheet.headers[p.column] ?? canonicalHeader(p.column)) : null }));
  if (sheet.headerRow === null) {
    report(null, null, 'header_missing', { columns: `${canonicalHeader('number')}、${canonicalHeader('title')}` });
    return { problems: problems(), rows: [] };
  }
  if (sheet.truncated) report(null, null, 'too_many_rows', { max: SPREADSHEET_LIMITS.maxRows });
  if (sheet.rows.length === 0) report(sheet.headerRow, null, 'sheet_empty');
  const byKey = new Map<string, OwnRow & { key: string }>();
  for (const sheetRow of sheet.rows) {
    const own = readOwnRow(sheetRow, lookups, report);
    if (own.key === undefined) continue;
    const first = byKey.get(own.key);
    if (first) report(own.row, 'number', 'number_duplicate', { number: own.key, first: first.row });
    else byKey.set(own.key, { ...own, key: own.key });
  }
  // Parents before children, so each row inherits from a parent already worked out.
  const depth = (key: string) => key.split('.').length;
  const ordered = [...byKey.values()].sort((a, b) => depth(a.key) - depth(b.key) || a.row - b.row);
  const effective = new Map<string, Effective | undefined>();
  const rows: PlannedRow[] = [];
  for (const own of ordered) {
    const parentKey = parentKeyOf(own.key);
    const parent = parentValues(parentKey, byKey, effective, lookups.existing);
    if (parentKey !== null && !byKey.has(parentKey) && !lookups.existing.has(parentKey)) {
      report(own.row, 'number', 'parent_missing', { parent: parentKey });
    }
    const values = inherit(own, parent ?? NO_PARENT);
    effective.set(own.key, parent ? values : undefined);
    // A parent whose own deadline cell is wrong has been reported; comparing with it would mislead.
    const parentReadable = parentKey === null || byKey.get(parentKey)?.deadlineOk !== false;
    if (parent?.deadline && values.deadline && values.deadline > parent.deadline && own.deadlineOk && parentReadable) {
      const params = { deadline: values.deadline, parent: parentKey ?? '', parentDeadline: parent.deadline };
      report(own.row, 'deadline', 'deadline_after_parent', params);
    }
    if (options.assign && values.leadUnitId === null) report(own.row, 'lead', 'lead_required');
    rows.push({ row: own.row, key: own.key, parentKey, title: own.title, description: own.description, ...values });
  }
  return { problems: problems(), rows };
}
