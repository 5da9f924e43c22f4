import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  type IBorderOptions,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  letterheadSize,
  OFFICIAL_PAGE,
  OFFICIAL_RED,
  OFFICIAL_SIZES,
  type OfficialBlock,
  type OfficialDocument,
  punctuationOf,
} from './official-document.js';
import { type DocxFont, fontTableXml, run, runFonts } from './official-docx-fonts.js';
import { docxDataTable } from './official-docx-table.js';

// An official document as a .docx (the format offices pass around and edit), laid out by GB/T 9704.

/** The type area's width: 156 mm. */
const AREA_WIDTH = convertMillimetersToTwip(OFFICIAL_PAGE.widthMm - OFFICIAL_PAGE.leftMm - OFFICIAL_PAGE.rightMm);
/** 22 lines to the 225 mm type area: an exact 28.95 pt line (579 twips). */
const BODY_LINE = 579;

const rule = (color: string, eighths: number): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size: eighths,
  color,
  space: 4,
});

function letterhead(doc: OfficialDocument): Paragraph[] {
  const number = [run(doc.number, 'body', OFFICIAL_SIZES.body)];
  if (doc.signer) {
    // 签发人: the label in 仿宋, the name in 楷体 (GB/T 9704 §7.2.4).
    number.push(run('\t', 'body', OFFICIAL_SIZES.body));
    number.push(run(`${doc.signer.label}${punctuationOf(doc.lang).colon}`, 'body', OFFICIAL_SIZES.body));
    number.push(run(doc.signer.name, 'kai', OFFICIAL_SIZES.body));
  }
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 480 },
      children: [run(doc.letterhead, 'title', letterheadSize(doc.letterhead), { color: OFFICIAL_RED })],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: AREA_WIDTH }],
      spacing: { after: 120 },
      border: { bottom: rule(OFFICIAL_RED, 16) },
      children: number,
    }),
  ];
}

function bodyParagraph(text: string, indent: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: indent ? { firstLine: OFFICIAL_SIZES.body * 2 * 20 } : undefined,
    children: [run(text, 'body', OFFICIAL_SIZES.body)],
  });
}

function cellParagraphs(text: string, font: DocxFont): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map(
    (line) =>
      new Paragraph({
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
        children: [run(line, font, OFFICIAL_SIZES.table)],
      }),
  );
}

function fieldsTable(rows: ReadonlyArray<{ label: string; value: string }>, labelMm: number): Table {
  const LABEL_WIDTH = convertMillimetersToTwip(labelMm);
  const margins = { top: 100, bottom: 100, left: 120, right: 120 };
  return new Table({
    width: { size: AREA_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, AREA_WIDTH - LABEL_WIDTH],
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: false,
          children: [
            new TableCell({
              width: { size: LABEL_WIDTH, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins,
              children: cellParagraphs(row.label, 'heading'),
            }),
            new TableCell({
              width: { size: AREA_WIDTH - LABEL_WIDTH, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins,
              children: cellParagraphs(row.value || '—', 'body'),
            }),
          ],
        }),
    ),
  });
}

function block(item: OfficialBlock, lang: OfficialDocument['lang']): Array<Paragraph | Table> {
  switch (item.kind) {
    case 'paragraph':
      return item.text.split(/\r?\n/).map((line) => bodyParagraph(line, true));
    case 'heading':
      return [
        new Paragraph({
          spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
          indent: { firstLine: OFFICIAL_SIZES.body * 2 * 20 },
          children: [run(item.text, 'heading', OFFICIAL_SIZES.body)],
        }),
      ];
    case 'fields':
      return [fieldsTable(item.rows, punctuationOf(lang).labelMm), new Paragraph({ children: [] })];
    case 'table':
      return docxDataTable(item, AREA_WIDTH);
  }
}

function record(doc: OfficialDocument): Paragraph[] {
  const { cc, printed } = doc.record;
  const { colon, stop } = punctuationOf(doc.lang);
  const thick = rule('000000', 8);
  const thin = rule('000000', 4);
  const out: Paragraph[] = [];
  const indent = { left: OFFICIAL_SIZES.record * 20, right: OFFICIAL_SIZES.record * 20 };
  if (cc) {
    out.push(
      new Paragraph({
        indent,
        spacing: { before: 480, line: 480, lineRule: LineRuleType.AT_LEAST },
        border: { top: thick, ...(printed ? {} : { bottom: thick }) },
        children: [run(`${cc.label}${colon}${cc.names}${stop}`, 'body', OFFICIAL_SIZES.record)],
      }),
    );
  }
  if (printed) {
    out.push(
      new Paragraph({
        indent,
        tabStops: [{ type: TabStopType.RIGHT, position: AREA_WIDTH - OFFICIAL_SIZES.record * 40 }],
        spacing: { before: cc ? 0 : 480, line: 480, lineRule: LineRuleType.AT_LEAST },
        border: { top: cc ? thin : thick, bottom: thick },
        children: [run(`${printed.by}\t${printed.date}`, 'body', OFFICIAL_SIZES.record)],
      }),
    );
  }
  return out;
}

/** Renders an official document as .docx bytes: A4, GB/T 9704 margins, the official fonts. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [...letterhead(doc)];
  if (doc.heading) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 360, after: 240, line: 700, lineRule: LineRuleType.AT_LEAST },
        children: [run(doc.heading, 'title', OFFICIAL_SIZES.heading)],
      }),
    );
  }
  const { colon } = punctuationOf(doc.lang);
  if (doc.addressee) children.push(bodyParagraph(`${doc.addressee.label}${colon}${doc.addressee.names}`, false));
  for (const item of doc.blocks) children.push(...block(item, doc.lang));
  if (doc.signature) {
    const indent = { right: OFFICIAL_SIZES.body * 4 * 20 };
    const lines = [doc.signature.issuer, doc.signature.date].filter((line): line is string => Boolean(line));
    lines.forEach((line, index) => {
      children.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent,
          spacing: { before: index === 0 ? 360 : 0, line: BODY_LINE, lineRule: LineRuleType.EXACT },
          children: [run(line, 'body', OFFICIAL_SIZES.body)],
        }),
      );
    });
  }
  children.push(...record(doc));
  const document = new Document({
    title: doc.title,
    creator: 'Luoshi',
    styles: {
      default: {
        document: {
          run: {
            font: runFonts('body'),
            size: OFFICIAL_SIZES.body * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: convertMillimetersToTwip(OFFICIAL_PAGE.widthMm),
              height: convertMillimetersToTwip(OFFICIAL_PAGE.heightMm),
            },
            margin: {
              top: convertMillimetersToTwip(OFFICIAL_PAGE.topMm),
              left: convertMillimetersToTwip(OFFICIAL_PAGE.leftMm),
              right: convertMillimetersToTwip(OFFICIAL_PAGE.rightMm),
              bottom: convertMillimetersToTwip(OFFICIAL_PAGE.bottomMm),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
