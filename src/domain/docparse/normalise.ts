import type { NormalisedText } from './types.js';

/** Options: Traditional ↔ Simplified conversion, the organisation's choice (default none). */
export interface NormaliseOptions {
  convert?: 'none' | 't2s' | 's2t';
}

/**
 * The text the parser reads, with every change listed (issue 6 item 1). Placeholder until the
 * normaliser lands: the text unchanged.
 */
export function normaliseText(raw: string, _options: NormaliseOptions = {}): NormalisedText {
  return { original: raw, text: raw, changes: [] };
}
