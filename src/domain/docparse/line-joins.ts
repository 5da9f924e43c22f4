import { displayWidth } from './cjk-chars.js';
import { startsNewUnit } from './line-starts.js';
import type { TextEdit } from './text-edits.js';

// Broken lines: a paragraph hard-wrapped by a PDF export or an e-mail client arrives as several
// lines cut mid-sentence. A line is joined to the next only when all of these hold:
//   - neither line is blank (a blank line always separates);
//   - the next line does not start a unit of its own (a marker such as `一、` `(一)` `1.` `①`
//     `第一,` `一是`, a field label `责任单位:`, Markdown), so a heading before its first item and
//     a list item before the next one are never merged;
//   - the line does not end a sentence or clause (`。！？；：` and their ASCII forms, `……`,
//     with any closing quotes or brackets after them);
//   - and either the line ends in the middle of a clause (`，` `,` `、` or an opening bracket or
//     quote), or it runs to the document's wrap width — the width most of its lines share, when
//     there is one. Text with a paragraph per line (web pages, .docx) has no wrap width, so there
//     a line without punctuation at the end (a title, a heading) is never joined.

const TERMINAL = new Set('。！？!?；;：:…');
const CLOSERS = /[”’」』）)】〕》"'\s]+$/;
const CONTINUES = new Set('，,、“‘《（(〔【「『');
/** Lines within this many columns of the wrap width count as full. */
const SLACK = 4;
const MIN_WRAP = 40;

/** The width most lines of a hard-wrapped text share, or null when lines are paragraphs. */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const widths = lines
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => displayWidth(line))
    .sort((a, b) => a - b);
  if (widths.length < 4) return null;
  let best = 0;
  let bestCount = 0;
  let low = 0;
  for (let high = 0; high < widths.length; high += 1) {
    const width = widths[high] ?? 0;
    while ((widths[low] ?? 0) < width - SLACK) low += 1;
    const count = high - low + 1;
    if (width >= MIN_WRAP && count >= bestCount) {
      best = width;
      bestCount = count;
    }
  }
  const longer = widths.filter((w) => w > best + SLACK).length;
  const enough = bestCount >= 3 && bestCount >= widths.length / 4 && longer <= widths.length / 10;
  return enough ? best : null;
}

function endsSentence(line: string): boolean {
  const stripped = line.replace(CLOSERS, '');
  return stripped.length > 0 && TERMINAL.has(stripped[stripped.length - 1] ?? '');
}

function shouldJoin(line: string, next: string, wrapWidth: number | null): boolean {
  const body = line.trimEnd();
  if (body.trim().length === 0 || next.trim().length === 0) return false;
  if (startsNewUnit(next) || /^\s*(?:#|\|)/.test(body) || endsSentence(body)) return false;
  if (CONTINUES.has(body[body.length - 1] ?? '')) return true;
  return wrapWidth !== null && displayWidth(body.trim()) >= wrapWidth - SLACK;
}

/**
 * Edits rejoining lines broken mid-sentence (issue 6 item 1). Each removes one line break with
 * the spaces around it (a space stays between two Latin words or numbers); the note shows the
 * seam, `…末尾⏎开头…`.
 */
export function findLineJoins(text: string): TextEdit[] {
  const lines = text.split('\n');
  const wrapWidth = detectWrapWidth(lines);
  const edits: TextEdit[] = [];
  let lineStart = 0;
  for (let i = 0; i < lines.length - 1; i += 1) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const nextStart = lineStart + line.length + 1;
    if (shouldJoin(line, next, wrapWidth)) {
      const body = line.trimEnd();
      const rest = next.trimStart();
      const latin = /[A-Za-z0-9]$/.test(body) && /^[A-Za-z0-9]/.test(rest);
      edits.push({
        kind: 'linebreak',
        start: lineStart + body.length,
        end: nextStart + (next.length - rest.length),
        after: latin ? ' ' : '',
        note: `…${body.slice(-6)}⏎${rest.slice(0, 6)}…`,
      });
    }
    lineStart = nextStart;
  }
  return edits;
}
