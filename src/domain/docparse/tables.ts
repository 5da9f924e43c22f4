// Task tables flattened to text (issue 6 items 2 and 3): a 任务分解表 pasted from Word or a web page
// arrives either one row per line (cells split by tabs, `|` or wide spacing) or one cell per line
// (Word's raw text, many web pages). The header row (序号 / 任务 / 牵头单位 / 配合单位 / 责任领导 /
// 完成时限) says what each column means; each row becomes an item whose marker is its 序号.

/** What a column holds. */
export type ColumnRole = 'number' | 'task' | 'lead' | 'cooperating' | 'responsible' | 'leaders' | 'deadline' | 'other';

/** One table row: where it stands and its cells by role. */
export interface TableRow {
  line: number;
  number: string;
  cells: Partial<Record<ColumnRole, string>>;
}

/** A table found in the text: the lines it covers (header included) and its rows. */
export interface Table {
  start: number;
  end: number;
  rows: TableRow[];
}

// Order matters: 责任领导 before 责任单位, 牵头领导 before 牵头单位.
const HEADERS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['number', /^(序号|序號|编号|編號)$/],
  ['leaders', /领导|領導|责任人|責任人|负责人|負責人/],
  ['lead', /牵头|牽頭|主责|主責/],
  ['cooperating', /配合|协办|協辦|参与|參與|协同|協同/],
  ['responsible', /责任单位|責任單位|责任部门|責任部門|承办|承辦/],
  ['deadline', /时限|時限|时间|時間|节点|節點|期限/],
  ['task', /任务|任務|事项|事項|内容|內容|措施|目标|目標|工作/],
  ['other', /备注|備註|说明|說明/],
];

const ROW_NUMBER = /^[0-9]{1,3}(?:[.．][0-9]{1,3})*[.．、]?$/;
const CELL_SPLIT = /\t|\s*[|｜]\s*|\s{2,}/;

function columnRole(cell: string): ColumnRole | null {
  const text = cell.replace(/\s+/g, '');
  if (!text || text.length > 12) return null;
  return HEADERS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** A header: starts with 序号, names the task column and at least one of units, leaders or deadline. */
function headerRoles(cells: readonly string[]): ColumnRole[] | null {
  const roles = cells.map(columnRole);
  if (roles[0] !== 'number' || !roles.includes('task') || roles.some((r) => r === null)) return null;
  const useful = roles.some(
    (r) => r === 'lead' || r === 'cooperating' || r === 'responsible' || r === 'leaders' || r === 'deadline',
  );
  return useful ? (roles as ColumnRole[]) : null;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^[|｜]|[|｜]$/g, '')
    .split(CELL_SPLIT)
    .map((cell) => cell.trim());
}

function toRow(line: number, roles: readonly ColumnRole[], cells: readonly string[]): TableRow {
  const byRole: Partial<Record<ColumnRole, string>> = {};
  cells.forEach((cell, i) => {
    const role = roles[i];
    if (role && role !== 'number' && cell) byRole[role] = byRole[role] ? `${byRole[role]}、${cell}` : cell;
  });
  return { line, number: (cells[0] ?? '').trim(), cells: byRole };
}

/** A one-row-per-line table from its header line on: rows go on while lines split into cells. */
function rowTable(lines: readonly string[], start: number, roles: readonly ColumnRole[]): Table {
  const rows: TableRow[] = [];
  let end = start + 1;
  for (; end < lines.length; end += 1) {
    const line = lines[end] ?? '';
    if (!line.trim()) continue;
    const cells = splitRow(line);
    if (cells.length < 2 || !ROW_NUMBER.test(cells[0] ?? '')) break;
    rows.push(toRow(end, roles, cells));
  }
  return { start, end, rows };
}

/**
 * A one-cell-per-line table: the header is a run of header cells, then each row starts with a
 * 序号 line and takes the following lines as its cells, until a row would have too many.
 */
function cellTable(lines: readonly string[], filled: readonly number[], at: number): Table | null {
  let count = 0;
  while (at + count < filled.length && columnRole(lines[filled[at + count] ?? 0] ?? '')) count += 1;
  const roles = headerRoles(filled.slice(at, at + count).map((i) => lines[i] ?? ''));
  if (!roles) return null;
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let rowLine = -1;
  let k = at + count;
  for (; k < filled.length; k += 1) {
    const text = (lines[filled[k] ?? 0] ?? '').trim();
    if (ROW_NUMBER.test(text) && (cells.length === 0 || cells.length >= 2)) {
      if (cells.length) rows.push(toRow(rowLine, roles, cells));
      cells = [text];
      rowLine = filled[k] ?? 0;
    } else if (cells.length > 0 && cells.length < roles.length) cells.push(text);
    else break;
  }
  if (cells.length) rows.push(toRow(rowLine, roles, cells));
  const end = k < filled.length ? (filled[k] ?? lines.length) : lines.length;
  return rows.length ? { start: filled[at] ?? 0, end, rows } : null;
}

/** The task tables in a text's lines, in order; lines outside them are left to the marker parser. */
export function findTables(lines: readonly string[]): Table[] {
  const filled = lines.flatMap((line, i) => (line.trim() ? [i] : []));
  const tables: Table[] = [];
  for (let k = 0; k < filled.length; k += 1) {
    const index = filled[k] ?? 0;
    const line = lines[index] ?? '';
    const roles = headerRoles(splitRow(line));
    const table = roles ? rowTable(lines, index, roles) : cellTable(lines, filled, k);
    if (!table || table.rows.length === 0) continue;
    tables.push(table);
    while (k + 1 < filled.length && (filled[k + 1] ?? 0) < table.end) k += 1;
  }
  return tables;
}
