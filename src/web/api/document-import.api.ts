import type { ParseResult, RegisterImportInput, RegisterImportResult } from '../../shared/document-import-api.js';
import { API_BASE, ApiError, apiRequest, toApiError } from './http.js';

export type { ParseResult, RegisterImportInput, RegisterImportResult };

/** Parse options: the year deadlines are dated by when the document gives none; Traditional ↔ Simplified. */
export interface ParseOptions {
  year?: number | null;
  convert?: 'none' | 't2s' | 's2t';
}

/** Parses pasted text into a tree to review; nothing is written. */
export function parseDocumentText(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  return apiRequest('/imports/document/parse', {
    method: 'POST',
    body: {
      text,
      ...(options.year ? { year: options.year } : {}),
      ...(options.convert ? { convert: options.convert } : {}),
    },
  });
}

/**
 * Parses an uploaded .txt, .md or .docx (multipart, field `file`, options as fields before it).
 * Rejects with an ApiError (413 file_too_large, 415 import_file_unreadable, …).
 */
export async function parseDocumentFile(
  file: Blob & { name?: string },
  options: ParseOptions & { language: string },
): Promise<ParseResult> {
  const body = new FormData();
  if (options.year) body.append('year', String(options.year));
  if (options.convert) body.append('convert', options.convert);
  body.append('file', file, file.name ?? 'document.txt');
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/imports/document/parse`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': options.language },
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ParseResult;
}

/** Registers a reviewed tree with its source in one transaction (409 import_duplicate unless confirmed). */
export function registerDocumentImport(input: RegisterImportInput): Promise<RegisterImportResult> {
  return apiRequest('/imports/document/register', { method: 'POST', body: input });
}
