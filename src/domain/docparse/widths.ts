import type { TextEdit } from './text-edits.js';

// One width for the parser. The stored documents already mix ASCII `(一)`, `:`, `,`, `;` with
// full-width 、 。 “” 《》 〔〕, and pasted ones use full-width `（一）`, `：`, `，`, `；`, `１．`.
// Everything in Unicode's full-width ASCII block (U+FF01–FF5E: digits, letters, brackets, colon,
// semicolon, comma, full stop, ?, !, %, ~ …) becomes its ASCII form, and the ideographic and
// no-break spaces become plain spaces. Chinese punctuation proper, which has no ASCII twin and
// carries meaning (、 。 “” ‘’ 《》 〈〉 〔〕 【】 「」 …… ——), stays as it is; so do circled and
// parenthesised numbers (① ⑴ ⒈), which are enumeration markers in their own right.

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const SPACES = new Set(['\u3000', '\u00a0']);

/** The ASCII form of a full-width character, or null when the character keeps its width. */
export function narrowChar(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  if (SPACES.has(ch)) return ' ';
  return null;
}

/**
 * Edits that narrow full-width forms (issue 6 item 1), one per contiguous run (`２０２６` is one
 * edit), grouped by what the run was, so the change list says "， → ," once with a count.
 */
export function findWidthChanges(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let runStart = -1;
  let narrowed = '';
  for (let i = 0; i <= text.length; i += 1) {
    const narrow = i < text.length ? narrowChar(text[i] ?? '') : null;
    if (narrow !== null) {
      if (runStart < 0) runStart = i;
      narrowed += narrow;
      continue;
    }
    if (runStart < 0) continue;
    const before = text.slice(runStart, i);
    edits.push({ kind: 'width', start: runStart, end: i, after: narrowed, group: `width:${before}` });
    runStart = -1;
    narrowed = '';
  }
  return edits;
}
