import { isHan } from './cjk-chars.js';
import type { TextEdit } from './text-edits.js';

// Stray spaces: text copied from a PDF or a justified layout comes letter-spaced (`市 发 改 委`)
// or with a space inside a word (`落 实`). Chinese needs no spaces between characters, but some
// documents use them as separators (`鄞州 海曙、江东 镇海`, `牵头领导:林静国 责任单位:`), so a
// space between two Han characters goes only when one of the two neighbouring words is a single
// character — a lone character is almost never a word of its own there. Zero-width characters
// (U+200B–U+200D, U+2060, U+FEFF) carry nothing the parser reads and go too, quietly grouped.

const HORIZONTAL_SPACE = /[ \t]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** The first character beyond the horizontal spaces from `i` in direction `step` (±1). */
function beyondSpaces(text: string, i: number, step: 1 | -1): string {
  let j = i;
  while (j >= 0 && j < text.length && HORIZONTAL_SPACE.test(text[j] ?? '')) j += step;
  return text[j] ?? '';
}

/**
 * Whether the Han run that touches a gap on one side is a lone character: one Han character,
 * not part of a spaced number or Latin phrase (`2026 年 目标` keeps its spaces).
 */
function isLoneCharacter(text: string, gapEdge: number, step: 1 | -1): boolean {
  let i = gapEdge;
  while (i >= 0 && i < text.length && isHan(text[i] ?? '') && Math.abs(i - gapEdge) < 2) i += step;
  if (Math.abs(i - gapEdge) !== 1) return false;
  return !/[A-Za-z0-9]/.test(beyondSpaces(text, i, step));
}

/** Spans of horizontal space, each between two Han characters with a single-character neighbour. */
function strayGaps(text: string): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < text.length; i += 1) {
    if (!HORIZONTAL_SPACE.test(text[i] ?? '') || !isHan(text[i - 1] ?? '')) continue;
    let end = i;
    while (end < text.length && HORIZONTAL_SPACE.test(text[end] ?? '')) end += 1;
    if (isHan(text[end] ?? '') && (isLoneCharacter(text, i - 1, -1) || isLoneCharacter(text, end, 1)))
      gaps.push([i, end]);
    i = end - 1;
  }
  return gaps;
}

/**
 * Edits removing stray spaces between Han characters (issue 6 item 1): one edit per spaced-out
 * stretch (`市 发 改 委` → `市发改委`), and one grouped entry for all zero-width characters.
 */
export function findStraySpaces(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const gaps = strayGaps(text);
  let index = 0;
  while (index < gaps.length) {
    const first = gaps[index] as [number, number];
    let last = first;
    while (index + 1 < gaps.length && (gaps[index + 1]?.[0] ?? 0) - last[1] === 1) {
      index += 1;
      last = gaps[index] as [number, number];
    }
    const start = first[0] - 1;
    const end = last[1] + 1;
    edits.push({ kind: 'space', start, end, after: text.slice(start, end).replace(/[ \t]+/g, '') });
    index += 1;
  }
  for (const match of text.matchAll(ZERO_WIDTH)) {
    edits.push({ kind: 'space', start: match.index, end: match.index + 1, after: '', group: 'space:zero-width' });
  }
  return edits.sort((a, b) => a.start - b.start);
}
