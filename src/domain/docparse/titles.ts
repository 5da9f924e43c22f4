// An item's title and body (issue 6 item 2; annotation rule 3): the title is the text after the
// marker up to the first 。 or ：/:, or to the end of a heading line; an inline item ends before the
// next sibling marker (the structure builder cuts there) and its trailing ；/。 is dropped.
import { startsResponsibilityBracket } from './responsibility.js';
import type { TextPiece } from './structure.js';

/** Sentence ends a title stops at. ?/! count as well: the seed's 意志?! is the end of a sentence. */
const TERMINATORS = '。:：!！?？';
const OPENERS = '(（〔[【';
const CLOSERS = ')）〕]】';

/** Where the title ends in `text`: the first depth-0 terminator, or a responsibility bracket. */
function titleEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (OPENERS.includes(ch)) {
      if (depth === 0 && startsResponsibilityBracket(text.slice(i))) return i;
      depth += 1;
    } else if (CLOSERS.includes(ch) && depth > 0) depth -= 1;
    if (depth > 0 || !TERMINATORS.includes(ch)) continue;
    // 9:30 is a time, not the end of a label.
    if (ch === ':' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    return i;
  }
  return text.length;
}

/** Trailing list punctuation and spacing an inline item leaves behind. */
function trimTitle(title: string): string {
  return title.replace(/^[\s\u3000]+/, '').replace(/[\s\u3000;；,，、。]+$/, '');
}

/**
 * The title and body of an item from its own text. The first piece is the rest of the marker's
 * line (or, when the marker stands alone on its line, the next line).
 */
export function splitTitle(pieces: readonly TextPiece[]): { title: string; body: string } {
  const index = pieces.findIndex((piece) => piece.text.trim() !== '');
  if (index === -1) return { title: '', body: '' };
  const first = pieces[index]?.text ?? '';
  const end = titleEnd(first);
  const rest = [first.slice(end).replace(/^[。:：!！?？]/, ''), ...pieces.slice(index + 1).map((p) => p.text)];
  return {
    title: trimTitle(first.slice(0, end)),
    body: rest
      .map((text) => text.trim())
      .filter(Boolean)
      .join('\n'),
  };
}
