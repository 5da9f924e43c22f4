// What a line may start with that makes it a new unit of the document, never the continuation of
// the line before: an enumeration marker of Chinese official writing, a field label (`时间:`,
// `责任单位:`), or Markdown structure. The line joiner consults this before rejoining a line.
// The structure parser has its own, stricter marker grammar (it must also tell `第一季度` from
// `第一,`); here erring towards "this is a marker" only means a line is left unjoined.

const NUMERAL = '[一二三四五六七八九十百零〇两]';

const MARKERS: readonly RegExp[] = [
  // 一、 十二、
  new RegExp(`^${NUMERAL}+[、.,]`),
  // (一) （一） 〔一〕 (1) （1）
  new RegExp(`^[(（〔]\\s*(?:${NUMERAL}+|\\d{1,3})\\s*[)）〕]`),
  // 1. 1、 1．(not a decimal), 1) 1） and 1.1 hierarchies (not an amount: 1.5亿元, 2.3%)
  /^\d{1,3}(?:[、)）]|[.．](?!\d)|(?:\.\d{1,3})+(?=\s|[^\d.%亿万千百元个倍吨米公斤人次户家项年月日]))/,
  // ① ⑴ ⒈ ㈠
  /^[\u2460-\u249b\u3220-\u3229]/,
  // 第一, 第一、 第一条 第二章 第三节 第四部分
  new RegExp(`^第(?:${NUMERAL}+|\\d+)(?:[,，、:：]|条|章|节|部分)`),
  // 一是 二要 三要是
  new RegExp(`^${NUMERAL}{1,3}(?:是|要)`),
  // 首先, 其次, 再次, 最后,
  /^(?:首先|其次|再次|最后)[,，、:：]/,
  // A. a) (a)
  /^(?:[A-Za-z][.)）](?![A-Za-z])|[(（][A-Za-z][)）])/,
];

/** A field label: a short run of words then a colon (`时间:`, `牵头单位：`, `附件:`). */
const LABEL = /^[\p{Script=Han}A-Za-z]{1,8}\s*[:：]/u;

/** Markdown block starts: heading, list item, quote, table row, rule. */
const MARKDOWN = /^(?:#{1,6}\s|[-*+]\s|>|\||-{3,}|\*{3,})/;

/** Whether a line, leading spaces aside, starts an enumerated item. */
export function startsWithMarker(line: string): boolean {
  const trimmed = line.trimStart();
  return MARKERS.some((marker) => marker.test(trimmed));
}

/** Whether a line starts a unit of its own: an enumerated item, a field label or Markdown structure. */
export function startsNewUnit(line: string): boolean {
  const trimmed = line.trimStart();
  return startsWithMarker(trimmed) || LABEL.test(trimmed) || MARKDOWN.test(trimmed);
}
