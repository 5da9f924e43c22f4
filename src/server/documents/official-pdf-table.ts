import { OFFICIAL_SIZES, type OfficialBlock } from './official-document.js';

// The `table` block of an official PDF (pdfmake): a bold header row repeated on each page, thin
// rules like the `fields` form, widths shared out by weight over the type area.

type TableBlock = Extract<OfficialBlock, { kind: 'table' }>;

/** The pdfmake node of the block, `areaWidth` points wide. */
export function pdfDataTable(item: TableBlock, areaWidth: number): unknown {
  const total = item.columns.reduce((sum, column) => sum + Math.max(0, column.weight), 0) || 1;
  // Each column's padding (6 + 6) and rule come out of its share, so the table fits the type area.
  const widths = item.columns.map((column) => Math.max(8, (areaWidth * Math.max(0, column.weight)) / total - 12.75));
  const header = item.columns.map((column) => ({ text: column.label, bold: true, alignment: 'center' }));
  const body = item.rows.map((values) =>
    item.columns.map((column, i) => ({ text: values[i] || '—', alignment: column.align ?? 'left' })),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    fontSize: OFFICIAL_SIZES.table,
    lineHeight: 1.2,
    margin: [0, 4, 0, 12],
  };
}
