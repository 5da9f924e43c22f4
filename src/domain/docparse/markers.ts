// Enumeration markers of Chinese official writing (issue 6 item 2): which marker starts where in a
// line, and in which style. The structure builder nests items by style; this module only decides
// what is a marker, so every false-marker rule lives here.
import { CN_NUMERAL_CHARS, parseItemNumber } from './numerals.js';

/** A family of markers; items of one style are siblings, a new style opens a new level. */
export type MarkerStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // (一) （一）
  | 'num' // 1. 1、 1．
  | 'num-dotted' // 1.1 1.2 (section numbers)
  | 'num-paren' // (1) （1）
  | 'num-rparen' // 1) 1）
  | 'circled' // ① ②
  | 'di' // 第一， 第一、
  | 'di-tiao' // 第一条
  | 'di-zhang' // 第一章
  | 'di-jie' // 第一节
  | 'yi-yao' // 一要
  | 'yi-shi' // 一是
  | 'sequence' // 首先 其次 再次 最后
  | 'quarter' // 第一季度: (labels of milestones)
  | 'table-row'; // the 序号 cell of a task table row (tables.ts)

/** One recognised marker in a line. */
export interface Marker {
  style: MarkerStyle;
  /** What makes two markers siblings: the style, plus the depth for section numbers (1.1 vs 1.1.1). */
  key: string;
  /** As printed, with its separator (`一、`, `(一)`, `1.`, `第一,`, `一要`). */
  text: string;
  /** Its number in the list (首先 = 1, 其次 = 2 …; ① = 1). */
  number: number;
  /** Offsets in the line: where the marker starts, and where the item's own text starts. */
  start: number;
  end: number;
  /** Whether it stands mid-line (an inline list) rather than at the start of the line. */
  inline: boolean;
}

const N = `[${CN_NUMERAL_CHARS}]{1,3}`;

interface Recogniser {
  style: MarkerStyle;
  pattern: RegExp;
  /** May it stand mid-line, after a sentence boundary? */
  inline: boolean;
  /** The number from the match (default: the first group). */
  number?: (match: RegExpExecArray) => number | null;
}

const SEQUENCE_WORDS: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3 };

// Order matters: longer and more specific forms first (第一条 before 第一, 1.1 before 1.).
const RECOGNISERS: readonly Recogniser[] = [
  { style: 'quarter', pattern: /第?([一二三四1-4])季度[:：]/y, inline: false },
  { style: 'di-tiao', pattern: new RegExp(`第(${N})条(?![例件款])`, 'y'), inline: false },
  { style: 'di-zhang', pattern: new RegExp(`第(${N})章`, 'y'), inline: false },
  { style: 'di-jie', pattern: new RegExp(`第(${N})节(?![点日约])`, 'y'), inline: false },
  // 第一季度, 第二方阵: no separator after the numeral, so they never match.
  { style: 'di', pattern: new RegExp(`第(${N})[,，、:：]`, 'y'), inline: true },
  { style: 'cn-dun', pattern: new RegExp(`(${N})、`, 'y'), inline: false },
  { style: 'cn-paren', pattern: new RegExp(`[(（](${N})[)）]`, 'y'), inline: true },
  { style: 'num-paren', pattern: /[(（]([0-9０-９]{1,2})[)）]/y, inline: true },
  {
    style: 'num-dotted',
    pattern: /([0-9]{1,2}(?:[.．][0-9]{1,2})+)(?:[、.．]|\s)(?![0-9%])/y,
    inline: false,
    number: () => 0,
  },
  // 2.3% and 2026.3.1 are numbers, not markers: no digit may follow the separator; three digits
  // at most, so a year (2026.) never matches.
  { style: 'num', pattern: /([0-9０-９]{1,3})[.．、](?![0-9０-９%])/y, inline: true },
  { style: 'num-rparen', pattern: /([0-9]{1,2})[)）](?![0-9])/y, inline: false },
  {
    style: 'circled',
    pattern: /([\u2460-\u2473])[、.．]?/y,
    inline: true,
    number: (m) => (m[1]?.codePointAt(0) ?? 0) - 0x245f,
  },
  // 一要 / 一是, but not 二要素, 一要点, 一是否 (words that merely start with the numeral). 要求 is
  // ambiguous (三要求真务实 is 三要 + 求真务实): see isWordNotMarker.
  { style: 'yi-yao', pattern: new RegExp(`(${N})要(?![点點素件务務闻聞害领領紧緊么麼])`, 'y'), inline: true },
  { style: 'yi-shi', pattern: new RegExp(`(${N})是(?![否非])`, 'y'), inline: true },
  {
    style: 'sequence',
    pattern: /(首先|其次|再次|最后|最後)[,，、:：]/y,
    inline: true,
    number: (m) => SEQUENCE_WORDS[m[1] ?? ''] ?? -1,
  },
];

/** Characters after which a mid-line marker may start an inline item. */
const SENTENCE_END = /[。；;:：!！?？]\s*$/;
/** Characters that may precede a line-start marker: indentation, bullets, Markdown heading marks. */
const LEADER = /^[\s#>*•·|]*/;

function tryAt(line: string, at: number, inline: boolean): Marker | null {
  for (const r of RECOGNISERS) {
    if (inline && !r.inline) continue;
    r.pattern.lastIndex = at;
    const match = r.pattern.exec(line);
    if (!match) continue;
    const number = r.number ? r.number(match) : parseItemNumber(match[1] ?? '');
    if (number === null) continue;
    const text = match[0].trimEnd();
    const key = r.style === 'num-dotted' ? `${r.style}:${text.replace(/[、.．]$/, '').split(/[.．]/).length}` : r.style;
    return { style: r.style, key, text, number, start: at, end: at + match[0].length, inline };
  }
  return null;
}

/** `一要求…` opens no list (it reads 一 + 要求); `三要求真务实` after 二要 is 三要 + 求真务实. */
function isWordNotMarker(line: string, marker: Marker): boolean {
  return marker.style === 'yi-yao' && marker.number === 1 && /^[求]/.test(line.slice(marker.end));
}

/**
 * Whether a mid-line marker continues a list rather than being a number in running prose: an
 * inline list starts at 1 (首先, 一是, ①) or goes on from the previous number of its style; 最后
 * only closes a list that 首先 opened.
 */
function continuesList(marker: Marker, last: ReadonlyMap<MarkerStyle, number>): boolean {
  const previous = last.get(marker.style);
  if (marker.style === 'sequence' && marker.number === -1) return previous !== undefined;
  return marker.number === 1 || (previous !== undefined && marker.number === previous + 1);
}

/** Whether position `at` is where an inline item may begin: after a sentence end, a comma or spacing. */
function isInlineBoundary(line: string, at: number): 'sentence' | 'comma' | 'space' | null {
  const before = line.slice(Math.max(0, at - 8), at);
  if (SENTENCE_END.test(before)) return 'sentence';
  if (/[,，]\s*$/.test(before)) return 'comma';
  return /\s$/.test(before) ? 'space' : null;
}

/** Styles a comma may introduce (`会议强调,一要…`); numbered points (`,2.`) need a sentence end. */
const AFTER_COMMA: ReadonlySet<MarkerStyle> = new Set(['yi-yao', 'yi-shi', 'di', 'sequence', 'circled']);
/** Styles spacing alone may introduce: the numbered items of a flattened line or table. */
const AFTER_SPACE: ReadonlySet<MarkerStyle> = new Set(['num', 'circled', 'cn-paren', 'num-paren']);

/**
 * The markers in one line, left to right. A line-start marker may be of any style; a mid-line one
 * must follow a sentence end (`。一要`, `;二是`), a comma (`强调,一要`) or spacing (a flattened table
 * or a one-line document: ` 2.新增…`) and must continue its list, so `统一是`, `1—6月份` or the cells of a
 * flattened table (`2 5 1 2 10`) are never items. `last` holds the last number seen per style.
 */
export function findMarkers(line: string, last: ReadonlyMap<MarkerStyle, number> = new Map()): Marker[] {
  const seen = new Map(last);
  const found: Marker[] = [];
  const remember = (marker: Marker): void => {
    const number =
      marker.style === 'sequence' && marker.number === -1 ? (seen.get('sequence') ?? 0) + 1 : marker.number;
    found.push({ ...marker, number });
    seen.set(marker.style, number);
  };
  const lead = LEADER.exec(line)?.[0].length ?? 0;
  const candidate = tryAt(line, lead, false);
  // 其次 / 最后 open no list of their own: at a line start too they need 首先 before them.
  const orphan = candidate?.style === 'sequence' && candidate.number !== 1 && !seen.has('sequence');
  const first = !candidate || orphan || isWordNotMarker(line, candidate) ? null : candidate;
  if (first) remember(first);
  for (let at = first ? first.end : lead + 1; at < line.length; at += 1) {
    const boundary = isInlineBoundary(line, at);
    if (!boundary || /\s/.test(line[at] ?? '')) continue;
    const marker = tryAt(line, at, true);
    if (!marker || !continuesList(marker, seen) || isWordNotMarker(line, marker)) continue;
    if (boundary === 'comma' && !AFTER_COMMA.has(marker.style)) continue;
    if (boundary === 'space' && !AFTER_SPACE.has(marker.style)) continue;
    remember(marker);
    at = marker.end - 1;
  }
  return found;
}
