// The parser (issue 6 items 2 and 3): normalised text → item tree with titles, units, leaders and
// deadlines, plus the document's year, number and title. Pure: the import service and the CLI
// call it with the text normaliseText produced.
import { deadlineToIso, findDeadline } from './deadlines.js';
import { findDocumentFacts } from './doc-year.js';
import { extractResponsibility, type Responsibility } from './responsibility.js';
import { buildItemTree, ownText, type RawItem } from './structure.js';
import { splitTitle } from './titles.js';
import type { ParsedDocument, ParsedItem } from './types.js';
import { expandSharedAffixes } from './unit-lists.js';

/** Options: the year to date deadlines by when the document gives none (or to override it). */
export interface ParseOptions {
  year?: number | null;
}

const NO_UNITS: Responsibility = { lead: [], cooperating: [], leaders: [] };

function hasUnits(r: Responsibility): boolean {
  return r.lead.length > 0 || r.cooperating.length > 0;
}

/** The shared-affix expansion of the unit lists, when it differs from the literal names. */
function expansion(r: Responsibility): Pick<ParsedItem, 'expanded'> {
  const lead = expandSharedAffixes(r.lead);
  const cooperating = expandSharedAffixes(r.cooperating);
  const same = lead.join() === r.lead.join() && cooperating.join() === r.cooperating.join();
  return same ? {} : { expanded: { lead, cooperating } };
}

/**
 * The text extraction reads for an item. A table row's cells are given their column's label
 * (`牵头单位:…`, `完成时限:…`), so cells and running text follow the same rules; names a cell
 * separates by spaces are listed.
 */
function extractionText(raw: RawItem): string {
  if (!raw.cells) return ownText(raw);
  const cell = (value: string | undefined) => (value ?? '').trim().replace(/\s+/g, '、');
  const { lead, responsible, cooperating, leaders, deadline } = raw.cells;
  return [
    lead ? `牵头单位:${cell(lead)}` : '',
    responsible ? `责任单位:${cell(responsible)}` : '',
    cooperating ? `配合单位:${cell(cooperating)}` : '',
    leaders ? `责任领导:${cell(leaders)}` : '',
    deadline ? `完成时限:${deadline.trim()}` : '',
  ].join('\n');
}

function toParsedItem(raw: RawItem, path: string, year: number | null): ParsedItem {
  const { title, body } = splitTitle(raw.pieces);
  const text = extractionText(raw);
  const responsibility = extractResponsibility(text);
  // A milestone labelled by its quarter (`第一季度:完成设计招标`) is due at the end of that quarter.
  const label = raw.marker.style === 'quarter' ? raw.marker.text.replace(/[:：]$/, '') : null;
  const deadline = findDeadline(text) ?? (label ? { phrase: label, ongoing: false } : null);
  return {
    path,
    marker: raw.marker.text,
    title,
    body,
    ...responsibility,
    ...expansion(responsibility),
    deadline: deadline?.phrase ?? null,
    deadline_iso: deadline ? deadlineToIso(deadline.phrase, year) : null,
    ongoing: deadline?.ongoing ?? false,
    children: raw.children.map((child, i) => toParsedItem(child, `${path}.${i + 1}`, year)),
    line: raw.line,
  };
}

/** The units of an item's last line, when that line is a unit line of its own and nothing else names units. */
function trailingUnits(raw: RawItem): Responsibility {
  const last = raw.pieces.at(-1);
  if (!last?.standalone || raw.pieces.length < 2) return NO_UNITS;
  const before = raw.pieces.slice(0, -1).map((piece) => piece.text);
  if (hasUnits(extractResponsibility(before.join('\n')))) return NO_UNITS;
  return extractResponsibility(last.text);
}

/**
 * A unit line after the last of several sub-measures, none of which names units, closes the
 * parent task: `1.… (1)… (2)… (3)… (4)… (责任单位:…)` assigns task 1, and (1)–(4) inherit it.
 */
function liftClosingUnitLines(raws: readonly RawItem[], items: ParsedItem[]): void {
  raws.forEach((raw, i) => {
    const item = items[i];
    if (!item) return;
    liftClosingUnitLines(raw.children, item.children);
    const lastRaw = raw.children.at(-1);
    const lastItem = item.children.at(-1);
    if (!lastRaw || !lastItem || raw.children.length < 2 || hasUnits(item)) return;
    if (item.children.slice(0, -1).some(hasUnits)) return;
    const units = trailingUnits(lastRaw);
    if (!hasUnits(units)) return;
    Object.assign(item, units, expansion(units));
    Object.assign(lastItem, NO_UNITS);
    delete lastItem.expanded;
  });
}

/** The text before the first item: where a document's title, number and date stand. */
function headOf(text: string, items: readonly RawItem[]): string {
  const first = items[0];
  return first
    ? text
        .split(/\r\n|\r|\n/)
        .slice(0, first.line)
        .join('\n')
    : text;
}

/**
 * The item tree of a normalised document, with each item's title, body, lead and cooperating
 * units, leaders and deadline; the year comes from `options.year` when given, else from the
 * document (its number, title, a date line, or the text), else it is null and so are the dates
 * of deadlines written without a year.
 */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const tree = buildItemTree(text);
  const facts = findDocumentFacts(headOf(text, tree.items), text);
  const given = options.year ?? null;
  const year = given ?? facts.year;
  const items = tree.items.map((raw, i) => toParsedItem(raw, String(i + 1), year));
  liftClosingUnitLines(tree.items, items);
  return {
    year,
    yearSource: given ? 'given' : facts.yearSource,
    docNumber: facts.docNumber,
    title: facts.title,
    items,
  };
}
