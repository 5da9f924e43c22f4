import type { Locale } from '../../shared/locales.js';
import type { SpreadsheetImportResult, SpreadsheetProblem } from '../../shared/spreadsheet-api.js';
import { API_BASE, ApiError, buildUrl, toApiError } from './http.js';
import type { TaskListQuery } from './tasks.api.js';

export type { SpreadsheetImportResult, SpreadsheetProblem };

/** The multipart field the server reads the sheet from. */
const FILE_FIELD = 'file';

/** An import either happened, or the sheet has problems (422) and nothing was written. */
export type SpreadsheetImportOutcome =
  | { ok: true; result: SpreadsheetImportResult }
  | { ok: false; detail: string; problems: SpreadsheetProblem[] };

/** Where the 任务分解表 template downloads from, with headers and notes in this language. */
export function spreadsheetTemplateUrl(lang: Locale): string {
  return `${API_BASE}/imports/spreadsheet/template?lang=${encodeURIComponent(lang)}`;
}

/** Where the tasks matching the list's filters download from, in the template, as .xlsx or CSV. */
export function taskExportUrl(query: TaskListQuery, format: 'xlsx' | 'csv', lang: Locale): string {
  const { status, light, leadUnits, onTime, ...rest } = query;
  return buildUrl(`/tasks/export.${format}`, {
    ...rest,
    status: status?.length ? status.join(',') : undefined,
    light: light?.length ? light.join(',') : undefined,
    leadUnits: leadUnits?.length ? leadUnits.join(',') : undefined,
    onTime: onTime === undefined ? undefined : String(onTime),
    lang,
  });
}

/**
 * Uploads a sheet (multipart, field `file`). A sheet with problems is an answer, not an error:
 * `{ ok: false, problems }` with every row's problem in the caller's language. Anything else that
 * fails (not a workbook, too large, no permission) rejects with an ApiError.
 */
export async function importSpreadsheet(
  file: Blob & { name?: string },
  options: { sourceId?: number | null; assign?: boolean; language: string; signal?: AbortSignal },
): Promise<SpreadsheetImportOutcome> {
  const body = new FormData();
  body.append(FILE_FIELD, file, file.name ?? 'sheet.xlsx');
  const url = buildUrl('/imports/spreadsheet', {
    sourceId: options.sourceId ?? undefined,
    assign: options.assign ? 'true' : undefined,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': options.language },
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network_error' });
  }
  if (response.ok) return { ok: true, result: (await response.json()) as SpreadsheetImportResult };
  if (response.status === 422) {
    const problem = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: string; detail?: string; problems?: SpreadsheetProblem[] } | null;
    if (problem?.code === 'spreadsheet_invalid' && problem.problems) {
      return { ok: false, detail: problem.detail ?? '', problems: problem.problems };
    }
  }
  throw await toApiError(response);
}
