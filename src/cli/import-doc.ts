import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { buildDryRunReport } from '../domain/docparse/dry-run-report.js';
import { normaliseText } from '../domain/docparse/normalise.js';
import { parseDocument } from '../domain/docparse/parse-document.js';
import { extractUploadText } from '../server/imports/document-import-files.js';
import { action, CliError, integerIn } from './cli-context.js';

interface ImportDocOptions {
  year?: number;
  dryRun?: boolean;
}

/** Registering needs the review step (units mapped, tree edited), which lives in the import page. */
const REGISTER_ELSEWHERE =
  'registering a document goes through the review step of the import flow: use the web page ' +
  '/imports/document or POST /api/imports/document/parse and /register. ' +
  'Run with --dry-run to see the parsed tree here.';

/**
 * `luoshi import doc FILE [--year YYYY] [--dry-run]`: parse a policy document (.txt, .md, .docx)
 * and, with --dry-run, print its item tree as JSON in the fixtures' shape with the normaliser's
 * change list. Reads no database: the parse is pure, so a document can be checked anywhere.
 */
export function registerImportDocCommand(importing: Command): void {
  importing
    .command('doc <file>')
    .description('parse a policy document (.txt, .md, .docx) into a task tree')
    .option(
      '--year <YYYY>',
      'the year for deadlines written without one (overrides the document)',
      integerIn(1949, 2100),
    )
    .option('--dry-run', 'print the parsed tree as JSON; register nothing')
    .action(
      action(async (file: string, options: ImportDocOptions) => {
        if (!options.dryRun) throw new CliError(REGISTER_ELSEWHERE, 2);
        const bytes = await readFile(file).catch((error: unknown) => {
          throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        });
        const text = await extractUploadText({ name: basename(file), bytes });
        const normalised = normaliseText(text);
        const parsed = parseDocument(normalised.text, { year: options.year ?? null });
        process.stdout.write(`${JSON.stringify(buildDryRunReport(parsed, normalised.changes), null, 2)}\n`);
      }),
    );
}
