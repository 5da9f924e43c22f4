import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../server/auth/actor.js';
import { errorDetail } from '../server/i18n/messages.js';
import { spreadsheetProblemDetail } from '../server/i18n/spreadsheet-messages.js';
import { exportTasks } from '../server/imports/spreadsheet-export.service.js';
import { importSpreadsheet } from '../server/imports/spreadsheet-import.service.js';
import type { RowProblem } from '../server/imports/spreadsheet-validate.js';
import type { Locale } from '../shared/locales.js';
import { exportTasksQuery } from '../shared/spreadsheet-api.js';
import { action, CliError, cliLocale, configFor, integerIn, withDatabase } from './cli-context.js';

const ID = integerIn(1, 2147483647);

interface ImportOptions {
  sourceId?: number;
  assign?: boolean;
  json?: boolean;
}

/** One line a problem: `row 4 · 完成时限 · the problem`, as the web's report table shows it. */
function problemLines(problems: readonly RowProblem[], locale: Locale): string {
  const row = locale === 'en' ? 'row' : locale === 'zh-TW' ? '第 {n} 列' : '第 {n} 行';
  return problems
    .map((p) => {
      const where = p.row === null ? '' : locale === 'en' ? `${row} ${p.row}` : row.replace('{n}', String(p.row));
      const parts = [where, p.column ?? '', spreadsheetProblemDetail(locale, p.code, p.params)].filter(Boolean);
      return `  ${parts.join(' · ')}\n`;
    })
    .join('');
}

/**
 * `luoshi import xlsx FILE`: a 任务分解表 through the import service, as the system (every
 * permission, recorded as "import" in the audit trail). A sheet with problems lists them all on
 * stderr, writes nothing and exits 1.
 */
export function registerImportXlsxCommand(importing: Command): void {
  importing
    .command('xlsx <file>')
    .description('import a 任务分解表 (.xlsx): every row is checked first; nothing is written if any is wrong')
    .option('--source-id <id>', 're-import into this source: rows its earlier imports created are updated', ID)
    .option('--assign', 'assign (交办) the new tasks instead of leaving them as drafts')
    .option('--json', 'print the whole result (every row) as JSON')
    .action(
      action(async (file: string, options: ImportOptions, command: Command) => {
        const config = configFor(command);
        const locale = cliLocale();
        const bytes = await readFile(file).catch((error: Error) => {
          throw new CliError(`cannot read ${file}: ${error.message}`);
        });
        await withDatabase(config, async (db) => {
          const outcome = await importSpreadsheet(
            { db, config },
            {
              bytes,
              fileName: path.basename(file),
              sourceId: options.sourceId,
              assign: options.assign,
              actor: systemActor('import'),
            },
          );
          if (!outcome.ok) {
            process.stderr.write(problemLines(outcome.problems, locale));
            throw new CliError(errorDetail(locale, 'spreadsheet_invalid', { count: outcome.problems.length }));
          }
          const { result } = outcome;
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          const state = result.assigned ? 'assigned' : 'drafts';
          process.stdout.write(
            `Source #${result.source.id} ${result.source.title}${result.source.isNew ? ' (new)' : ''}: ` +
              `${result.created} created (${state}), ${result.updated} updated, ${result.unchanged} unchanged.\n`,
          );
          for (const missing of result.notInSheet) {
            process.stdout.write(`  not in the sheet, left as it was: ${missing.number} ${missing.title}\n`);
          }
        });
      }),
    );
}

interface ExportOptions {
  out?: string;
  csv?: boolean;
  lang?: string;
  sourceId?: number;
  rootId?: number;
  unitId?: number;
  includeSubunits?: boolean;
  status?: string;
  key?: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue?: boolean;
  q?: string;
}

/** The options as GET /tasks/export's query, checked by the same schema. */
function exportQuery(options: ExportOptions) {
  const raw: Record<string, string> = {};
  const set = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== false) raw[key] = String(value);
  };
  set('sourceId', options.sourceId);
  set('rootId', options.rootId);
  set('unitId', options.unitId);
  set('includeSubunits', options.includeSubunits);
  set('status', options.status);
  set('isKey', options.key);
  set('deadlineFrom', options.deadlineFrom);
  set('deadlineTo', options.deadlineTo);
  set('overdue', options.overdue);
  set('q', options.q);
  set('lang', options.lang);
  const parsed = exportTasksQuery.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new CliError(problems.join('; '));
  }
  return parsed.data;
}

/**
 * `luoshi export xlsx`: tasks (filters as the task list's, or one tree with --root-id) in the
 * 任务分解表 template, to --out FILE or stdout; CSV with --csv or an --out ending in .csv.
 */
export function registerExportXlsxCommand(exporting: Command): void {
  exporting
    .command('xlsx')
    .description('write tasks in the 任务分解表 template (.xlsx; CSV with --csv), re-importable with `import xlsx`')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--csv', 'CSV (UTF-8 with BOM) instead of .xlsx')
    .option('--lang <locale>', 'header language: zh-CN, zh-TW or en (default: from LANG)')
    .option('--source-id <id>', 'tasks of this source', ID)
    .option('--root-id <id>', 'this task and everything under it', ID)
    .option('--unit-id <id>', 'tasks of this unit (lead or cooperating)', ID)
    .option('--include-subunits', 'with --unit-id: and of the units under it')
    .option('--status <list>', 'comma-separated statuses, e.g. assigned,in_progress')
    .option('--key', 'key tasks only')
    .option('--deadline-from <date>', 'deadline on or after YYYY-MM-DD')
    .option('--deadline-to <date>', 'deadline on or before YYYY-MM-DD')
    .option('--overdue', 'overdue tasks only')
    .option('--q <text>', 'title or description contains')
    .action(
      action(async (options: ExportOptions, command: Command) => {
        const query = exportQuery(options);
        const format = options.csv || options.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
        if (!options.out && format === 'xlsx' && process.stdout.isTTY) {
          throw new CliError('an .xlsx file is binary: give --out FILE, redirect stdout, or use --csv.');
        }
        const config = configFor(command);
        const dialect = config.database.kind === 'postgres' ? 'postgres' : 'sqlite';
        await withDatabase(config, async (db) => {
          const locale = query.lang ?? cliLocale();
          const file = await exportTasks(
            { db, config, dialect },
            { query, format, actor: systemActor('export'), locale },
          );
          if (options.out) {
            await writeFile(options.out, file.body);
            process.stderr.write(`Wrote ${options.out} (${file.body.length} bytes).\n`);
          } else {
            process.stdout.write(file.body);
          }
        });
      }),
    );
}
