import ExcelJS from 'exceljs';
import { SPREADSHEET_LIMITS, type SpreadsheetColumn } from '../../shared/spreadsheet-api.js';
import { AppError } from '../errors.js';
import { columnOfHeader } from './spreadsheet-template.js';

// Reads a 任务分解表 (.xlsx) into plain rows: finds the header row, maps its columns to the
// template's, and turns each cell into text, a number or a date. Nothing is judged here; the
// validator does that with the unit tree and the people in hand.

/** A cell as the validator sees it: text, a number, a date (Excel date cells), or nothing. */
export type CellValue = string | number | Date | null;

/** One data row: its number as Excel shows it, and its cells by column. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<SpreadsheetColumn, CellValue>>;
}

/** What the file holds: the header found (texts as written), its data rows, and whether rows were cut. */
export interface ReadSheet {
  /** The header row's number, or null when no tab has one with 序号 and 任务. */
  headerRow: number | null;
  headers: Partial<Record<SpreadsheetColumn, string>>;
  rows: SheetRow[];
  /** True when the sheet has more data rows than SPREADSHEET_LIMITS.maxRows (only that many are read). */
  truncated: boolean;
}

/** The first rows searched for the header (a title line or two above it is common). */
const HEADER_SEARCH_ROWS = 10;

/** An OOXML package is a zip: it starts with `PK\x03\x04`. */
export function looksLikeXlsx(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** exceljs's many cell shapes (rich text, formulas, hyperlinks, merged cells) as one plain value. */
function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  return null;
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The header of a tab: the first of its top rows naming at least 序号 and 任务. */
function findHeader(sheet: ExcelJS.Worksheet) {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let number = 1; number <= last; number++) {
    const columns = new Map<number, SpreadsheetColumn>();
    const headers: Partial<Record<SpreadsheetColumn, string>> = {};
    sheet.getRow(number).eachCell((cell, col) => {
      const text = plain(cell.value);
      if (typeof text !== 'string') return;
      const column = columnOfHeader(text);
      if (!column || headers[column] !== undefined) return;
      columns.set(col, column);
      headers[column] = text.trim();
    });
    if (headers.number !== undefined && headers.title !== undefined) return { number, columns, headers };
  }
  return undefined;
}

/**
 * Reads the first tab with a recognisable header. A file that is not a readable workbook is a
 * 415 (spreadsheet_unreadable); a workbook without such a header reads as `headerRow: null`.
 */
export async function readSpreadsheet(bytes: Buffer, name: string): Promise<ReadSheet> {
  if (!looksLikeXlsx(bytes)) throw new AppError('spreadsheet_unreadable', { name }, 'file');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('spreadsheet_unreadable', { name }, 'file');
  }
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const rows: SheetRow[] = [];
    let truncated = false;
    sheet.eachRow((row, number) => {
      if (number <= header.number || truncated) return;
      const cells: SheetRow['cells'] = {};
      let hasValue = false;
      for (const [col, column] of header.columns) {
        const value = plain(row.getCell(col).value);
        cells[column] = value;
        if (!isBlank(value)) hasValue = true;
      }
      if (!hasValue) return;
      if (rows.length >= SPREADSHEET_LIMITS.maxRows) truncated = true;
      else rows.push({ row: number, cells });
    });
    return { headerRow: header.number, headers: header.headers, rows, truncated };
  }
  return { headerRow: null, headers: {}, rows: [], truncated: false };
}
