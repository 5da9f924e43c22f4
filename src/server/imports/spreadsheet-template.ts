import ExcelJS from 'exceljs';
import type { Locale } from '../../shared/locales.js';
import { SPREADSHEET_COLUMNS, type SpreadsheetColumn } from '../../shared/spreadsheet-api.js';
import { NOTE_LINES, NOTE_SHEET_NAMES } from './spreadsheet-notes.js';

// The 任务分解表 template: the columns, their header texts in each language, and the workbook the
// template download, the .xlsx export and the CLI write. Reading accepts any language's headers
// (and the usual variants offices write), so a sheet exported in English imports in Chinese.

/** Header texts written, per language; zh-CN is the canonical Chinese form. */
export const HEADERS: Record<Locale, Record<SpreadsheetColumn, string>> = {
  'zh-CN': {
    number: '序号',
    title: '任务',
    lead: '牵头单位',
    cooperating: '配合单位',
    leader: '责任领导',
    deadline: '完成时限',
    remarks: '备注',
  },
  'zh-TW': {
    number: '序號',
    title: '任務',
    lead: '牽頭單位',
    cooperating: '配合單位',
    leader: '責任領導',
    deadline: '完成時限',
    remarks: '備註',
  },
  en: {
    number: 'No.',
    title: 'Task',
    lead: 'Lead unit',
    cooperating: 'Cooperating units',
    leader: 'Responsible leader',
    deadline: 'Deadline',
    remarks: 'Remarks',
  },
};

/** Other headers offices put on the same columns; compared without spaces, case-insensitively. */
const VARIANTS: Record<SpreadsheetColumn, readonly string[]> = {
  number: ['编号', '編號', 'no', 'number', '#'],
  title: [
    '任务名称',
    '任務名稱',
    '任务内容',
    '任務內容',
    '工作任务',
    '工作任務',
    '重点任务',
    '重點任務',
    '事项',
    '事項',
    'title',
  ],
  lead: ['责任单位', '責任單位', '牵头部门', '牽頭部門', '主责单位', '主責單位', 'lead'],
  cooperating: ['协办单位', '協辦單位', '配合部门', '配合部門', 'cooperating'],
  leader: ['分管领导', '分管領導', '牵头领导', '牽頭領導', 'leader'],
  deadline: ['完成时间', '完成時間', '时限', '時限', '办结时限', '辦結時限', 'due date'],
  remarks: ['说明', '說明', 'notes', 'note'],
};

/** The sheet's data tab, named per language. */
const SHEET_NAMES: Record<Locale, string> = { 'zh-CN': '任务分解表', 'zh-TW': '任務分解表', en: 'Tasks' };

/** The start of an exported file's name (the date follows). */
export function exportFileBase(locale: Locale): string {
  return SHEET_NAMES[locale] === 'Tasks' ? 'tasks' : SHEET_NAMES[locale];
}

/** Column widths in characters (Chinese characters count about double). */
const WIDTHS: Record<SpreadsheetColumn, number> = {
  number: 8,
  title: 56,
  lead: 20,
  cooperating: 30,
  leader: 12,
  deadline: 14,
  remarks: 30,
};

function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').toLowerCase();
}

const RECOGNISED = new Map<string, SpreadsheetColumn>();
for (const column of SPREADSHEET_COLUMNS) {
  for (const headers of Object.values(HEADERS)) RECOGNISED.set(squeeze(headers[column]), column);
  for (const variant of VARIANTS[column]) RECOGNISED.set(squeeze(variant), column);
}

/** The column a header cell names, or undefined: `牵头 单位`, `牽頭單位` and `Lead unit` all say `lead`. */
export function columnOfHeader(text: string): SpreadsheetColumn | undefined {
  return RECOGNISED.get(squeeze(text).replace(/[:：*＊]+$/, ''));
}

/** The canonical header of a column (for problems about a column the sheet does not have). */
export function canonicalHeader(column: SpreadsheetColumn, locale: Locale = 'zh-CN'): string {
  return HEADERS[locale][column];
}

/**
 * A workbook with the data tab (header row styled and frozen, widths set, 序号 kept as text so
 * `1.10` stays `1.10`) and the note tab explaining how to fill it in. The data tab comes first:
 * the importer reads the first tab whose header it recognises.
 */
export function buildTemplateWorkbook(locale: Locale): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Luoshi';
  const sheet = workbook.addWorksheet(SHEET_NAMES[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SPREADSHEET_COLUMNS.map((column) => ({
    header: HEADERS[locale][column],
    key: column,
    width: WIDTHS[column],
    style: column === 'number' ? { numFmt: '@' } : column === 'deadline' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.height = 22;
  addNoteSheet(workbook, locale);
  return { workbook, sheet };
}

function addNoteSheet(workbook: ExcelJS.Workbook, locale: Locale): void {
  const notes = workbook.addWorksheet(NOTE_SHEET_NAMES[locale]);
  notes.getColumn(1).width = 100;
  for (const [index, line] of NOTE_LINES[locale].entries()) {
    const row = notes.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) row.font = { bold: true, size: 13 };
  }
}

/** The template as .xlsx bytes: header only, no example rows (those are on the note tab). */
export async function templateBytes(locale: Locale): Promise<Buffer> {
  const { workbook } = buildTemplateWorkbook(locale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
