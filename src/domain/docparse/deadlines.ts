// Deadlines (issue 6 item 3; annotation rules 5 and 6): the phrase as written, and the last day of
// the period it names. A labelled field or a table cell is a deadline whatever it says (全年,
// 长期坚持); running prose only yields phrases that bound a task (…前, 到2020年), so issue dates,
// progress dates (已于…), baselines (较2012年), campaign lengths (100天) and document numbers
// (〔2018〕128号) are never deadlines.
import { bracketSpans } from './brackets.js';
import { parseItemNumber } from './numerals.js';

/** A deadline found in an item. */
export interface Deadline {
  phrase: string;
  /** 长期坚持 / 持续推进: a standing duty with no date. */
  ongoing: boolean;
}

const LABEL =
  /(?<=^|[\s(（〔[【;；,，。、|])(完成时限|完成時限|完成时间|完成時間|完成期限|办结时限|辦結時限|时间节点|時間節點|时限要求|時限要求|时限|時限)\s*[:：]\s*/m;
const ONGOING = /长期|長期|持续|持續|常态|常態/;
const NUM = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
const YEAR = '(?:[0-9]{4}年)?';

/** Phrases that bound a task in running prose; the leftmost wins. */
const INLINE = new RegExp(
  [
    `${YEAR}(?:${NUM})月(?:(?:${NUM})[日号號]|底|末|上旬|中旬|下旬)?(?:之前|以前|前)`,
    `${YEAR}(?:${NUM})月(?:底|末)(?=完成|建成|实现|實現|全面|基本)`,
    `${YEAR}(?:年底|年末)(?:之前|以前|前)`,
    `${YEAR}(?:第)?[一二三四1-4]季度(?:末|底)?(?:之前|以前|前)`,
    `${YEAR}[上下]半年(?:之前|以前|前)`,
    '(?:力争|力爭)?到[0-9]{4}年(?:底|末)?',
  ].join('|'),
  'g',
);

/** Whole phrases a field, a cell or a bracket segment may hold. */
const PERIOD = new RegExp(
  `^(?:${YEAR}(?:(?:${NUM})月(?:(?:${NUM})[日号號]|底|末|上旬|中旬|下旬)?|年底|年末|年内|年內|全年|(?:第)?[一二三四1-4]季度(?:末|底)?|[上下]半年)(?:之前|以前|前)?(?:完成)?|(?:力争|力爭)?到[0-9]{4}年(?:底|末)?|长期坚持|長期堅持|持续推进|持續推進|长期|長期|年内持续推进|年內持續推進)$`,
);

function labelled(text: string): Deadline | null {
  const match = LABEL.exec(text);
  if (!match) return null;
  const value = /^[^;；。\n|)）〕\]】\s]+/.exec(text.slice((match.index ?? 0) + match[0].length))?.[0];
  if (!value) return null;
  return { phrase: value, ongoing: isOngoing(value) };
}

/** A bracket segment that is a whole period: `(牵头单位:X;2026年6月底前)`, `(X牵头,长期坚持)`. */
function inBracket(text: string): Deadline | null {
  for (const span of bracketSpans(text)) {
    for (const segment of text.slice(span.start + 1, span.end).split(/[;；,，。]/)) {
      const phrase = segment.trim();
      if (PERIOD.test(phrase)) return { phrase, ongoing: isOngoing(phrase) };
    }
  }
  return null;
}

function inline(text: string): Deadline | null {
  for (const match of text.matchAll(INLINE)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 1), match.index);
    // 每月28日前 is a reporting rhythm, not a deadline.
    if (/[每]/.test(before)) continue;
    return { phrase: match[0], ongoing: false };
  }
  return null;
}

/** Whether a phrase names a standing duty with no end (年内持续推进 is bounded by the year). */
export function isOngoing(phrase: string): boolean {
  return ONGOING.test(phrase) && !/[0-9]{4}年|年内|年內|年底|全年/.test(phrase);
}

/**
 * The deadline an item's own text states: a labelled field first (完成时限:…), then a period
 * standing alone in a bracket, then the leftmost bounding phrase in the prose.
 */
export function findDeadline(text: string): Deadline | null {
  return labelled(text) ?? inBracket(text) ?? inline(text);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthDate(year: number, phrase: string): string | null {
  const match = new RegExp(`(${NUM})月(?:(${NUM})[日号號]|(上旬|中旬|下旬))?`).exec(phrase);
  const month = parseItemNumber(match?.[1] ?? '');
  if (!match || month === null || month < 1 || month > 12) return null;
  const last = lastDayOfMonth(year, month);
  const day = match[2] ? parseItemNumber(match[2]) : match[3] === '上旬' ? 10 : match[3] === '中旬' ? 20 : last;
  if (day === null || day < 1 || day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The last day of the period a deadline phrase names, as `YYYY-MM-DD`: its own year, else the
 * document's; null for a standing duty or when no year is known. 到2020年 is the end of 2020.
 */
export function deadlineToIso(phrase: string, documentYear: number | null): string | null {
  if (isOngoing(phrase)) return null;
  const horizon = /到([0-9]{4})年/.exec(phrase);
  if (horizon) return `${horizon[1]}-12-31`;
  const year = Number(/([0-9]{4})年/.exec(phrase)?.[1] ?? documentYear ?? Number.NaN);
  if (!Number.isInteger(year)) return null;
  if (/月/.test(phrase)) return monthDate(year, phrase);
  const quarter = /([一二三四1-4])季度/.exec(phrase)?.[1];
  if (quarter) return `${year}-${['03-31', '06-30', '09-30', '12-31'][(parseItemNumber(quarter) ?? 4) - 1]}`;
  if (/上半年/.test(phrase)) return `${year}-06-30`;
  if (/下半年|年底|年末|年内|年內|全年/.test(phrase)) return `${year}-12-31`;
  return null;
}
