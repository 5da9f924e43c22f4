import { findLineJoins } from './line-joins.js';
import { findMojibake } from './mojibake.js';
import { findPinyinArtefacts } from './pinyin-artefacts.js';
import { convertScript, type ScriptConversion } from './script-convert.js';
import { findStraySpaces } from './stray-spaces.js';
import { applyEdits, type TextEdit, type TracedText, traceOriginal } from './text-edits.js';
import type { NormalisationChange, NormalisedText } from './types.js';
import { findWidthChanges } from './widths.js';

// The order of the steps matters:
//  1. line endings (CRLF, CR → LF), so every later step sees one kind of line break;
//  2. mojibake, on the text as it came, because a re-decoding needs the exact characters the
//     wrong decoder produced (a later width change would destroy the proof);
//  3. pinyin artefacts, before widths, so `（wǎng）` and `(wǎng)` are both recognised as they are;
//  4. widths, so the space and line steps see one form of every punctuation mark;
//  5. stray spaces, then broken lines;
//  6. script conversion last: the parser's view only, after every step that reads characters.
// Every change's offset is in the ORIGINAL text (UTF-16 code units): each step edits the previous
// step's output and the edits carry a map back (text-edits.ts). A replacement points at the start
// of what it replaced; a grouped entry points at the first of its group. `before` is what the
// step replaced: the original's own characters unless an earlier step had already changed them
// (a rejoined line break shows `\n` where the original had `\r\n`).

/** Options: Traditional ↔ Simplified conversion, the organisation's choice (default none). */
export interface NormaliseOptions {
  convert?: ScriptConversion;
}

type Step = (text: string) => TextEdit[];

/** CRLF and lone CR become LF, listed as one entry with a count. */
function findLineEndings(text: string): TextEdit[] {
  return Array.from(text.matchAll(/\r\n?/g), (match) => ({
    kind: 'linebreak' as const,
    start: match.index,
    end: match.index + match[0].length,
    after: '\n',
    group: 'linebreak:ending',
  }));
}

const STEPS: readonly Step[] = [
  findLineEndings,
  findMojibake,
  findPinyinArtefacts,
  findWidthChanges,
  findStraySpaces,
  findLineJoins,
];

/**
 * The text the parser reads, with every change listed (issue 6 item 1): conversion artefacts
 * removed, mojibake repaired where a re-decoding proves it (and reported where not), widths
 * unified, stray spaces and broken lines fixed, optionally the script converted. Linear in the
 * length of the text; `original` is the input unchanged, for display.
 */
export function normaliseText(raw: string, options: NormaliseOptions = {}): NormalisedText {
  let traced: TracedText = traceOriginal(raw);
  const changes: NormalisationChange[] = [];
  for (const step of STEPS) {
    const applied = applyEdits(traced, step(traced.text));
    traced = applied.traced;
    changes.push(...applied.changes);
  }
  const converted = convertScript(traced.text, options.convert ?? 'none');
  if (converted.change) {
    changes.push({ ...converted.change, offset: traced.origins[converted.change.offset] ?? 0 });
  }
  return { original: raw, text: converted.text, changes };
}
