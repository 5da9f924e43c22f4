import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { OFFICIAL_SIZES, type OfficialBlock } from './official-document.js';
import { type DocxFont, run } from './official-docx-fonts.js';

// The `table` block of an official .docx (a bulletin's league table, its overdue list): a header row
// in 黑体 that Word repeats on each page, body cells in 仿宋 at 四号, widths shared out by weight.

type TableBlock = Extract<OfficialBlock, { kind: 'table' }>;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const MARGINS = { top: 80, bottom: 80, left: 100, right: 100 };

function cell(text: string, font: DocxFont, width: number, align: keyof typeof ALIGN): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: MARGINS,
    children: (text || '—').split(/\r?\n/).map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[align],
          spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
          children: [run(line, font, OFFICIAL_SIZES.table)],
        }),
    ),
  });
}

/** The block as a Word table `areaWidth` twips wide, followed by an empty paragraph (as `fields` is). */
export function docxDataTable(item: TableBlock, areaWidth: number): Array<Paragraph | Table> {
  const total = item.columns.reduce((sum, column) => sum + Math.max(0, column.weight), 0) || 1;
  const widths = item.columns.map((column) => Math.floor((areaWidth * Math.max(0, column.weight)) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: item.columns.map((column, i) => cell(column.label, 'heading', widths[i] ?? 0, 'center')),
  });
  const rows = item.rows.map(
    (values) =>
      new TableRow({
        cantSplit: true,
        children: item.columns.map((column, i) =>
          cell(values[i] ?? '', 'body', widths[i] ?? 0, column.align ?? 'left'),
        ),
      }),
  );
  return [
    new Table({
      width: { size: areaWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [header, ...rows],
    }),
    new Paragraph({ children: [] }),
  ];
}
