import type { NormalisationChange } from './types.js';

// The normaliser runs its steps one after another, each on the previous step's output. Every
// step only proposes edits in the coordinates of the text it saw; this module applies them and
// keeps a map from each character of the new text back to the original, so the change list can
// always quote offsets in the text the user pasted.

/** One replacement a step proposes, in the coordinates of the text the step was given. */
export interface TextEdit {
  kind: NormalisationChange['kind'];
  /** Start (inclusive) and end (exclusive) of the replaced span, UTF-16 code units. */
  start: number;
  end: number;
  /** The replacement; equal to the span for a report-only edit (`mojibake_suspect`). */
  after: string;
  note?: string;
  /**
   * Edits sharing a group key become one entry of the change list (the first one, with a count),
   * so a document with 2,000 full-width commas lists "， → ," once rather than 2,000 times.
   */
  group?: string;
}

/** A text together with, for each code unit (and one past the end), its offset in the original. */
export interface TracedText {
  text: string;
  /** `origins[i]` is the original offset of `text[i]`; `origins[text.length]` is the original length. */
  origins: number[];
}

/** The raw input as a traced text: every character is where it was. */
export function traceOriginal(raw: string): TracedText {
  const origins = new Array<number>(raw.length + 1);
  for (let i = 0; i <= raw.length; i += 1) origins[i] = i;
  return { text: raw, origins };
}

/**
 * Applies a step's edits (sorted by start, not overlapping; overlapping ones are skipped) and
 * returns the new traced text with the change entries, offsets mapped back to the original.
 * Replacement characters all map to the start of the span they replace. Linear in the text.
 */
export function applyEdits(
  traced: TracedText,
  edits: readonly TextEdit[],
): { traced: TracedText; changes: NormalisationChange[] } {
  if (edits.length === 0) return { traced, changes: [] };
  const { text, origins } = traced;
  const parts: string[] = [];
  const nextOrigins: number[] = [];
  const changes: NormalisationChange[] = [];
  const grouped = new Map<string, NormalisationChange>();
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) continue;
    parts.push(text.slice(cursor, edit.start));
    for (let i = cursor; i < edit.start; i += 1) nextOrigins.push(origins[i] ?? 0);
    const offset = origins[edit.start] ?? 0;
    parts.push(edit.after);
    for (let i = 0; i < edit.after.length; i += 1) nextOrigins.push(offset);
    recordChange(changes, grouped, edit, offset, text.slice(edit.start, edit.end));
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  for (let i = cursor; i <= text.length; i += 1) nextOrigins.push(origins[i] ?? 0);
  return { traced: { text: parts.join(''), origins: nextOrigins }, changes };
}

function recordChange(
  changes: NormalisationChange[],
  grouped: Map<string, NormalisationChange>,
  edit: TextEdit,
  offset: number,
  before: string,
): void {
  const existing = edit.group ? grouped.get(edit.group) : undefined;
  if (existing) {
    existing.count = (existing.count ?? 1) + 1;
    return;
  }
  const change: NormalisationChange = { kind: edit.kind, offset, before, after: edit.after };
  if (edit.note) change.note = edit.note;
  if (edit.group) grouped.set(edit.group, change);
  changes.push(change);
}
