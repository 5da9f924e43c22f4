import { z } from 'zod';
import { LOCALES } from './locales.js';
import { listTasksQuery } from './task-api.js';

// The 任务分解表 (task breakdown sheet) API: import with a row-level report, export of a task list
// or tree in the same template, and the template itself. The server validates and documents with
// these; the web takes its types from them (type-only imports).

/** The template's columns, in sheet order; the header texts are in src/server/imports/spreadsheet-template.ts. */
export const SPREADSHEET_COLUMNS = ['number', 'title', 'lead', 'cooperating', 'leader', 'deadline', 'remarks'] as const;
export type SpreadsheetColumn = (typeof SPREADSHEET_COLUMNS)[number];

/** Bounds that keep one import or export to a size a request can handle. */
export const SPREADSHEET_LIMITS = {
  /** Upload size of one .xlsx file. */
  maxBytes: 10 * 1024 * 1024,
  /** Data rows in one sheet (the speed target is 10,000 in 10 s). */
  maxRows: 20_000,
  /** Tasks in one export; beyond it the caller narrows the filters. */
  exportMax: 50_000,
} as const;

/** What can be wrong with a sheet or a row; each has a sentence per language on the server. */
export const SPREADSHEET_PROBLEM_CODES = [
  'header_missing',
  'sheet_empty',
  'too_many_rows',
  'number_missing',
  'number_invalid',
  'number_duplicate',
  'parent_missing',
  'title_missing',
  'title_too_long',
  'unit_unknown',
  'unit_ambiguous',
  'lead_required',
  'leader_unknown',
  'leader_ambiguous',
  'date_unrecognised',
  'date_impossible',
  'deadline_after_parent',
  'remarks_too_long',
  'task_rule',
] as const;
export type SpreadsheetProblemCode = (typeof SPREADSHEET_PROBLEM_CODES)[number];

/** POST /imports/spreadsheet query: attach to an existing source (re-import), assign at once. */
export const importSpreadsheetQuery = z.strictObject({
  sourceId: z.coerce.number().int().positive().max(2147483647).optional(),
  assign: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

/** One problem: the row as Excel numbers it (null for the whole sheet), the column as the header names it. */
export const spreadsheetProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.enum(SPREADSHEET_PROBLEM_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The problem in the caller's language. */
  detail: z.string(),
});

export const SPREADSHEET_OUTCOMES = ['created', 'updated', 'unchanged'] as const;

/** What an import did: counts, the outcome of every row, and earlier rows the sheet no longer has. */
export const spreadsheetImportResultSchema = z
  .object({
    source: z.object({ id: z.number().int(), title: z.string(), isNew: z.boolean() }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** Whether the created tasks were assigned (交办) rather than left as drafts. */
    assigned: z.boolean(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        number: z.string(),
        taskId: z.number().int(),
        outcome: z.enum(SPREADSHEET_OUTCOMES),
      }),
    ),
    /** Tasks this source's earlier imports created whose 序号 is not in the sheet: left alone. */
    notInSheet: z.array(z.object({ number: z.string(), taskId: z.number().int(), title: z.string() })),
  })
  .describe('Spreadsheet import result');

/** The language of a downloaded sheet's headers and notes (a link cannot set Accept-Language). */
const sheetLanguage = z.enum(LOCALES).optional();

/** GET /imports/spreadsheet/template query. */
export const templateQuery = z.strictObject({ lang: sheetLanguage });

/** GET /tasks/export.xlsx|csv: the list's filters (no paging), or one task's tree with `rootId`. */
export const exportTasksQuery = listTasksQuery.omit({ cursor: true, limit: true }).extend({
  rootId: z.coerce.number().int().positive().max(2147483647).optional(),
  lang: sheetLanguage,
});

export type SpreadsheetProblem = z.infer<typeof spreadsheetProblemSchema>;
export type SpreadsheetImportResult = z.infer<typeof spreadsheetImportResultSchema>;
export type ExportTasksQuery = z.input<typeof exportTasksQuery>;
