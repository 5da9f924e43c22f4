// Bracketed spans of a text, at the outer level: `(…)`, `（…）`, `〔…〕`, `[…]`, `【…】`, with the
// inner brackets of names (`各县(市、区)政府`) kept inside. A bracket the document cut off by
// truncation runs to the end of the text.

/** A span of text: `start` is the opening bracket, `end` the closing one (or the text's end). */
export interface Span {
  start: number;
  end: number;
}

const OPENERS = '(（〔[【';
const CLOSERS = ')）〕]】';

/** The outermost bracket spans of `text`, in order. */
export function bracketSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (OPENERS.includes(ch)) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (CLOSERS.includes(ch) && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push({ start, end: i });
    }
  }
  if (depth > 0) spans.push({ start, end: text.length });
  return spans;
}
