import ExcelJS from 'exceljs';
import type { Locale } from '../../shared/locales.js';
import type { StatusReport } from '../../shared/status-reports-api.js';
import { itemCells } from './status-report-cells.js';
import { statusReportTexts } from './status-report-texts.js';

// An implementation report as a spreadsheet: the heading and window on top, the figures, then one
// row per item under a frozen header in the report's language; 序号 kept as text (1.10 ≠ 1.1).

/** Column widths in characters, in the order of the texts' columns. */
const WIDTHS = [8, 12, 40, 20, 12, 10, 8, 9, 50, 40, 40, 40];
/** Rows above the header: heading, window and figures, and a blank line. */
const HEADER_ROW = 5;

/** The spreadsheet's bytes. */
export async function renderStatusReportXlsx(report: StatusReport, locale: Locale): Promise<Buffer> {
  const texts = statusReportTexts(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet(texts.sections.items.replace(/^[^、.]+[、.]\s*/, '').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getCell('A1').value = [report.number, report.heading].filter(Boolean).join('  ');
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = texts.windowLine(report.window.from, report.window.to);
  sheet.getCell('A3').value = texts.figures(report.figures);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...texts.columns];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const item of report.items) {
    const cells = itemCells(item, texts, locale);
    const row = sheet.addRow([
      item.key,
      item.number,
      `${'  '.repeat(item.depth)}${item.title}`,
      cells.lead,
      cells.deadline,
      cells.status,
      cells.light,
      item.progress,
      cells.progressMade,
      cells.problems,
      cells.nextSteps,
      cells.coordination,
    ]);
    row.getCell(1).numFmt = '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: WIDTHS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
