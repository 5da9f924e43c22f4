// The document's year, number and title (issue 6 item 3; annotation rule 7). The year dates every
// deadline written without one (6月底前), so it must be the document's own, not a year it cites:
// 《…的通知》(粤府〔2018〕128号) is a reference, 京政办发〔2016〕26号 on a line of its own is the
// document's number.

/** Where the year was found, strongest first. */
export type YearSource = 'number' | 'title' | 'date' | 'text';

export interface DocumentFacts {
  year: number | null;
  yearSource: YearSource | null;
  docNumber: string | null;
  title: string | null;
}

const DOC_NUMBER = /[\p{Script=Han}]{1,12}\s?[〔[［(（]([12][0-9]{3})[〕\]］)）][0-9]{1,4}[号號]/gu;
const TITLE_YEAR = /[(（]([12][0-9]{3})(?:[-—–~至][0-9]{4})?年?[)）]/;
const DATE_LINE =
  /^\s*(?:[\p{Script=Han}]{0,6}[:：]\s*)?([12][0-9]{3})(?:年[0-9]{1,2}月[0-9]{1,2}日|-[0-9]{1,2}-[0-9]{1,2}(?:\s+[0-9:]+)?)\s*$/u;
/** A dated deadline (`2014年6月底前`): documents set their deadlines in their own year, mostly. */
const DEADLINE_YEAR = /(?<![到至])([12][0-9]{3})年(?:[0-9]{1,2}月[^，,。;；]{0,6}|底|末)(?:之前|以前|前)/;
/** A year stated as a fact: not a horizon (到2020年), a baseline (较2012年, 不超过2012年) or a span. */
const TEXT_YEAR = /(?<![到至较較比于於截过過]|低于|低於|高于|高於)([12][0-9]{3})年(?!以来|以來|前|底|末|度?目标)/;
const TITLE_WORDS =
  /方案|意见|意見|通知|要点|要點|报告|報告|纪要|紀要|计划|計劃|分解|规划|規劃|办法|辦法|细则|細則|决定|決定/;

function plausible(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

/** The document's own number: not one cited after the title of another (`《…》(…号)`). */
function ownNumber(text: string): { number: string; year: number } | null {
  for (const match of text.matchAll(DOC_NUMBER)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 3), match.index);
    if (/》\s*[(（]?$/.test(before)) continue;
    const year = Number(match[1]);
    if (plausible(year)) return { number: match[0], year };
  }
  return null;
}

function titleLine(lines: readonly string[]): string | null {
  const line = lines.find((l) => TITLE_WORDS.test(l) && !/[。;；:：]/.test(l) && l.trim().length <= 80);
  return line ? line.trim().replace(/^《|》$/g, '') : null;
}

function yearFromLines(lines: readonly string[], pattern: RegExp): number | null {
  for (const line of lines) {
    const year = Number(pattern.exec(line)?.[1] ?? Number.NaN);
    if (plausible(year)) return year;
  }
  return null;
}

/**
 * Year, number and title from the text before the first item (its head) and, for the year as a
 * last resort, the whole text: the document number first, then a year in the title (`(2023年)`),
 * then a date line (`2017年4月13日`, `时间:2022-07-19`), then the year of the first dated deadline
 * (`2014年6月底前`), then the first year the text states as a fact (not `到2020年`, `较2012年`).
 */
export function findDocumentFacts(head: string, text: string): DocumentFacts {
  const lines = head.split('\n').filter((line) => line.trim());
  const number = ownNumber(head);
  const title = titleLine(lines);
  const result = (year: number | null, yearSource: YearSource | null): DocumentFacts => ({
    year,
    yearSource,
    docNumber: number?.number ?? null,
    title,
  });
  if (number) return result(number.year, 'number');
  const fromTitle = yearFromLines(title ? [title] : [], TITLE_YEAR);
  if (fromTitle) return result(fromTitle, 'title');
  const fromDate = yearFromLines(lines, DATE_LINE);
  if (fromDate) return result(fromDate, 'date');
  const fromText = yearFromLines(text.split('\n'), DEADLINE_YEAR) ?? yearFromLines(text.split('\n'), TEXT_YEAR);
  return fromText ? result(fromText, 'text') : result(null, null);
}
