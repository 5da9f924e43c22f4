import * as OpenCC from 'opencc-js';
import type { NormalisationChange } from './types.js';

// Traditional ↔ Simplified, the organisation's choice (issue 6 item 1). The conversion is by
// character with opencc's phrase tables choosing among one-to-many mappings (头发 → 頭髮, 干部 →
// 幹部, 干净 → 乾淨), between Taiwan's standard forms (`tw`) and the mainland's (`cn`). It does
// NOT use the Taiwan vocabulary tables (`twp`), although STACK.md suggests them: they swap words,
// and in official documents that corrupts names and terms — on the fixtures, twp→cn turns
// 城镇新增就业 into 城镇添加就业 and 具體指標 into 具体指针, and cn→twp turns the unit 工業和信息化局
// into 工業和資訊化局, which then matches no unit. A document's words stay its own; only the
// script changes. A whole document converts in many places, so the change list gets one `convert`
// entry: the first changed stretch before and after, and how many stretches changed.

/** Which way to convert; `none` leaves the script alone. */
export type ScriptConversion = 'none' | 't2s' | 's2t';

const converters = new Map<ScriptConversion, (text: string) => string>();

function converterFor(direction: 't2s' | 's2t'): (text: string) => string {
  const known = converters.get(direction);
  if (known) return known;
  const made =
    direction === 't2s' ? OpenCC.Converter({ from: 'tw', to: 'cn' }) : OpenCC.Converter({ from: 'cn', to: 'tw' });
  converters.set(direction, made);
  return made;
}

/** The result of a conversion: the new text and, when anything changed, its summary entry. */
export interface ConvertedScript {
  text: string;
  /** Offset is in the text given to `convertScript`; the caller maps it to the original. */
  change: NormalisationChange | null;
}

/** Runs of differing characters between two texts of the same length. */
function differingRuns(a: string, b: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= a.length; i += 1) {
    const differs = i < a.length && a[i] !== b[i];
    if (differs && start < 0) start = i;
    if (!differs && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

function lineFrom(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Converts the script of a text. Character conversion keeps the length (each stretch is listed
 * in the count); should a table ever change it, the entry quotes the first differing line.
 */
export function convertScript(text: string, direction: ScriptConversion): ConvertedScript {
  if (direction === 'none') return { text, change: null };
  const converted = converterFor(direction)(text);
  if (converted === text) return { text, change: null };
  const note = direction;
  if (converted.length !== text.length) {
    let first = 0;
    while (text[first] === converted[first]) first += 1;
    const lineStart = text.lastIndexOf('\n', first) + 1;
    const before = lineFrom(text, lineStart);
    const change: NormalisationChange = {
      kind: 'convert',
      offset: lineStart,
      before,
      after: lineFrom(converted, lineStart),
      note,
      count: 1,
    };
    return { text: converted, change };
  }
  const runs = differingRuns(text, converted);
  const [start, end] = runs[0] ?? [0, 0];
  const change: NormalisationChange = {
    kind: 'convert',
    offset: start,
    before: text.slice(start, end),
    after: converted.slice(start, end),
    note,
    count: runs.length,
  };
  return { text: converted, change };
}
