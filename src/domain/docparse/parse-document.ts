import type { ParsedDocument } from './types.js';

/** Options: the year to date deadlines by when the document gives none (or to override it). */
export interface ParseOptions {
  year?: number | null;
}

/**
 * The item tree of a normalised document (issue 6 items 2 and 3). Placeholder until the parser
 * lands: no items.
 */
export function parseDocument(_text: string, options: ParseOptions = {}): ParsedDocument {
  return {
    year: options.year ?? null,
    yearSource: options.year ? 'given' : null,
    docNumber: null,
    title: null,
    items: [],
  };
}
