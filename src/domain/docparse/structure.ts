// Nesting markers of mixed styles into an item tree (issue 6 item 2). Official documents do not
// declare their outline: 一、 may hold (一) which holds 1., while a meeting read-out puts 一要…六要
// under 三、 and a work report runs 10. on under a new (一). The rule that fits them all is a stack:
// a style seen for the first time opens a level under the current item; a style already open
// returns to its level (a sibling), closing everything deeper.
import { bracketSpans } from './brackets.js';
import { findMarkers, type Marker, type MarkerStyle } from './markers.js';
import { findTables, type Table } from './tables.js';
import { splitTitle } from './titles.js';

/** One piece of an item's own text, as it stood in the document. */
export interface TextPiece {
  /** 0-based line in the text. */
  line: number;
  text: string;
  /** A whole line of its own (not the rest of the marker's line): e.g. a `责任单位:` line. */
  standalone: boolean;
}

/** An item before extraction: its marker, its own text (children excluded) and its children. */
export interface RawItem {
  marker: Marker;
  line: number;
  /** pieces[0] is the text after the marker on its line (up to the next marker); later pieces follow. */
  pieces: TextPiece[];
  children: RawItem[];
  /** For a table row: its cells by column (the task cell is also pieces[0]). */
  cells?: Table['rows'][number]['cells'];
}

/** The outline of a document: the items, and the text before the first item (title, preamble). */
export interface ItemTree {
  items: RawItem[];
  preamble: TextPiece[];
}

interface Builder {
  roots: RawItem[];
  stack: RawItem[];
  preamble: TextPiece[];
  last: Map<MarkerStyle, number>;
}

/** Whether an item's marker line goes on past its title (`三、加强督导。市发展改革委负责…`). */
function isParagraphItem(item: RawItem): boolean {
  const { body } = splitTitle(item.pieces.slice(0, 1));
  const bare = bracketSpans(body).reduceRight(
    (text, span) => text.slice(0, span.start) + text.slice(span.end + 1),
    body,
  );
  return bare.trim() !== '';
}

/** Whether an item's last words announce a list: `五个方面分别是:`, `重点抓好以下工作。`. */
function announcesList(item: RawItem): boolean {
  const last = (item.pieces.at(-1)?.text ?? '').trim();
  if (/[:：]$/.test(last)) return true;
  const sentence =
    last
      .replace(/[。；;]$/, '')
      .split(/[。；;]/)
      .at(-1) ?? '';
  return /以下|如下|下列|分别是|分别为|分別是|包括/.test(sentence);
}

/**
 * A new list starting a line does not go under a finished paragraph item: after `三、加强督导。…
 * 良好氛围。` a `1.` starts the attached plan, not a sub-point of 三、. It does go under a heading
 * (`一、目标要求`) or under an item that announces it.
 */
function closeFinishedParagraph(builder: Builder, marker: Marker): void {
  const top = builder.stack.at(-1);
  // Table rows nest by their 序号 (1, 1.1), whatever their cells say.
  if (!top || marker.inline || marker.style === 'table-row' || top.children.length > 0) return;
  if (isParagraphItem(top) && !announcesList(top)) builder.stack.pop();
}

function place(builder: Builder, marker: Marker, line: number): RawItem {
  const item: RawItem = { marker, line, pieces: [{ line, text: '', standalone: false }], children: [] };
  const open = builder.stack.findLastIndex((it) => it.marker.key === marker.key);
  if (open >= 0) builder.stack.length = open;
  else closeFinishedParagraph(builder, marker);
  const parent = builder.stack.at(-1);
  (parent ? parent.children : builder.roots).push(item);
  builder.stack.push(item);
  return item;
}

function append(builder: Builder, piece: TextPiece): void {
  if (!piece.text.trim()) return;
  const top = builder.stack.at(-1);
  if (!top) {
    builder.preamble.push(piece);
    return;
  }
  const first = top.pieces[0];
  // The text right after the marker on the marker's own line fills the first piece.
  if (first && first.text === '' && top.pieces.length === 1 && !piece.standalone) first.text = piece.text;
  else top.pieces.push(piece);
}

/** An inline item (`…。二要…`) ends with its paragraph: later paragraphs cannot be its body. */
function closeInlineItems(builder: Builder): void {
  while (builder.stack.at(-1)?.marker.inline) builder.stack.pop();
}

function addLine(builder: Builder, text: string, line: number): void {
  closeInlineItems(builder);
  const markers = findMarkers(text, builder.last);
  let from = 0;
  for (const marker of markers) {
    append(builder, { line, text: text.slice(from, marker.start), standalone: from === 0 });
    place(builder, marker, line);
    builder.last.set(marker.style, marker.number);
    from = marker.end;
  }
  append(builder, { line, text: text.slice(from), standalone: from === 0 });
}

/** Each row of a table becomes an item; `1.1` rows nest under `1` like any other style. */
function addTable(builder: Builder, table: Table): void {
  closeInlineItems(builder);
  for (const row of table.rows) {
    const parts = row.number.replace(/[.．、]$/, '').split(/[.．]/);
    const number = Number(parts.at(-1));
    const marker: Marker = {
      style: 'table-row',
      key: `table-row:${parts.length}`,
      text: row.number,
      number,
      start: 0,
      end: 0,
      inline: false,
    };
    const item = place(builder, marker, row.line);
    item.pieces[0] = { line: row.line, text: row.cells.task ?? '', standalone: false };
    item.cells = row.cells;
  }
}

/**
 * The item tree of a text: every line is split at its markers; the text between two markers is
 * the first item's own text, and lines without a marker continue the item open above them.
 * Task tables are read by their columns instead.
 */
export function buildItemTree(text: string): ItemTree {
  const builder: Builder = { roots: [], stack: [], preamble: [], last: new Map() };
  const lines = text.split(/\r\n|\r|\n/);
  const tables = findTables(lines);
  lines.forEach((line, index) => {
    const table = tables.find((t) => index >= t.start && index < t.end);
    if (table) {
      if (index === table.start) addTable(builder, table);
      return;
    }
    if (line.trim()) addLine(builder, line, index);
  });
  return { items: builder.roots, preamble: builder.preamble };
}

/** An item's own text (children excluded), lines joined by newlines. */
export function ownText(item: RawItem): string {
  return item.pieces.map((piece) => piece.text).join('\n');
}
