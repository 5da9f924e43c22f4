import { createRequire } from 'node:module';
import {
  letterheadSize,
  OFFICIAL_PAGE,
  OFFICIAL_RED,
  OFFICIAL_SIZES,
  type OfficialBlock,
  type OfficialDocument,
  punctuationOf,
} from './official-document.js';
import { pdfDataTable } from './official-pdf-table.js';

// An official document as a PDF (pdfmake 0.3 on pdfkit), in Noto Serif SC — a Chinese serif that
// ships with the app (@expo-google-fonts/noto-serif-sc), so the PDF looks the same on every server
// and every reader: the glyphs used are embedded as a subset, with their Unicode mapping, so the
// text can be searched and copied. pdfmake may read local files and fetch URLs named in a document;
// its access policies allow exactly the two font files and no URL at all.

const require = createRequire(import.meta.url);

/** The part of pdfmake's server API used here (the package ships no types). */
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES));
const FAMILY = 'NotoSerifSC';

let pdfmake: PdfMake | undefined;

/** pdfmake, loaded on first use (it is large) with the font and both access policies set. */
function loadPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const loaded = require('pdfmake') as PdfMake;
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));
  pdfmake = loaded;
  return loaded;
}

const pt = (mm: number) => (mm * 72) / 25.4;
const AREA_WIDTH = pt(OFFICIAL_PAGE.widthMm - OFFICIAL_PAGE.leftMm - OFFICIAL_PAGE.rightMm);
/** 22 lines on the 225 mm type area: a 28.95 pt line for 16 pt text. */
const BODY_LINE_HEIGHT = 28.95 / 16 / 1.2;

function line(color: string, width: number, margin: [number, number, number, number]) {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: AREA_WIDTH, y2: 0, lineWidth: width, lineColor: color }],
    margin,
  };
}

function letterhead(doc: OfficialDocument): unknown[] {
  return [
    {
      text: doc.letterhead,
      color: `#${OFFICIAL_RED}`,
      bold: true,
      fontSize: letterheadSize(doc.letterhead),
      alignment: 'center',
      margin: [0, 0, 0, 22],
    },
    {
      columns: [
        { text: doc.number, width: '*' },
        doc.signer
          ? {
              text: `${doc.signer.label}${punctuationOf(doc.lang).colon}${doc.signer.name}`,
              alignment: 'right',
              width: 'auto',
            }
          : { text: '' },
      ],
    },
    line(`#${OFFICIAL_RED}`, 2, [0, 6, 0, 12]),
  ];
}

function block(item: OfficialBlock, lang: OfficialDocument['lang']): unknown[] {
  switch (item.kind) {
    case 'paragraph':
      return item.text
        .split(/\r?\n/)
        .map((text) => ({ text, leadingIndent: OFFICIAL_SIZES.body * 2, lineHeight: BODY_LINE_HEIGHT }));
    case 'heading':
      return [{ text: item.text, bold: true, leadingIndent: OFFICIAL_SIZES.body * 2, lineHeight: BODY_LINE_HEIGHT }];
    case 'fields':
      return [
        {
          table: {
            widths: [pt(punctuationOf(lang).labelMm) - 12, '*'],
            body: item.rows.map((row) => [{ text: row.label, bold: true }, { text: row.value || '—' }]),
          },
          layout: {
            hLineWidth: () => 0.75,
            vLineWidth: () => 0.75,
            paddingLeft: () => 6,
            paddingRight: () => 6,
            paddingTop: () => 5,
            paddingBottom: () => 5,
          },
          fontSize: OFFICIAL_SIZES.table,
          lineHeight: 1.2,
          margin: [0, 4, 0, 12],
        },
      ];
    case 'table':
      return [pdfDataTable(item, AREA_WIDTH)];
  }
}

function record(doc: OfficialDocument): unknown[] {
  const { cc, printed } = doc.record;
  if (!cc && !printed) return [];
  const { colon, stop } = punctuationOf(doc.lang);
  const out: unknown[] = [line('#000000', 1, [0, 0, 0, 4])];
  const side = OFFICIAL_SIZES.record;
  if (cc) out.push({ text: `${cc.label}${colon}${cc.names}${stop}`, fontSize: side, margin: [side, 0, side, 4] });
  if (printed) {
    if (cc) out.push(line('#000000', 0.5, [0, 0, 0, 4]));
    out.push({
      columns: [
        { text: printed.by, width: '*' },
        { text: printed.date, width: 'auto' },
      ],
      fontSize: side,
      margin: [side, 0, side, 4],
    });
  }
  out.push(line('#000000', 1, [0, 0, 0, 0]));
  return [{ stack: out, margin: [0, 24, 0, 0] }];
}

/** The pdfmake definition of an official document. */
function definitionOf(doc: OfficialDocument): Record<string, unknown> {
  const content: unknown[] = [...letterhead(doc)];
  if (doc.heading) {
    content.push({
      text: doc.heading,
      bold: true,
      fontSize: OFFICIAL_SIZES.heading,
      alignment: 'center',
      lineHeight: 1.2,
      margin: [0, 8, 0, 14],
    });
  }
  if (doc.addressee) {
    const { colon } = punctuationOf(doc.lang);
    content.push({ text: `${doc.addressee.label}${colon}${doc.addressee.names}`, lineHeight: BODY_LINE_HEIGHT });
  }
  for (const item of doc.blocks) content.push(...block(item, doc.lang));
  const closing: unknown[] = [];
  if (doc.signature) {
    const lines = [doc.signature.issuer, doc.signature.date].filter((text): text is string => Boolean(text));
    closing.push({
      stack: lines.map((text) => ({ text, alignment: 'right' })),
      margin: [0, 18, OFFICIAL_SIZES.body * 4, 0],
      lineHeight: BODY_LINE_HEIGHT,
    });
  }
  closing.push(...record(doc));
  // The signature and the record stay together, never split over a page break.
  if (closing.length) content.push({ stack: closing, unbreakable: true });
  return {
    pageSize: 'A4',
    pageMargins: [
      pt(OFFICIAL_PAGE.leftMm),
      pt(OFFICIAL_PAGE.topMm),
      pt(OFFICIAL_PAGE.rightMm),
      pt(OFFICIAL_PAGE.bottomMm),
    ],
    info: { title: doc.title, creator: 'Luoshi', producer: 'Luoshi' },
    defaultStyle: { font: FAMILY, fontSize: OFFICIAL_SIZES.body },
    content,
  };
}

/** Renders an official document as PDF bytes: A4, GB/T 9704 margins, Noto Serif SC embedded. */
export function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = loadPdfMake();
  // Set on every call: pdfmake's font table is global, and another document type may set its own.
  pdf.setFonts({
    [FAMILY]: {
      normal: FONT_FILES.regular,
      bold: FONT_FILES.bold,
      italics: FONT_FILES.regular,
      bolditalics: FONT_FILES.bold,
    },
  });
  return pdf.createPdf(definitionOf(doc)).getBuffer();
}
