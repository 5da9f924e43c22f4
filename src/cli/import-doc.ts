import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { buildDryRunReport } from '../domain/docparse/dry-run-report.js';
import { normaliseText } from '../domain/docparse/normalise.js';
import { parseDocument } from '../domain/docparse/parse-document.js';
import { systemActor } from '../server/auth/actor.js';
import type { Config } from '../server/config.js';
import { previewDocumentImport, registerDocumentImport } from '../server/imports/document-import.service.js';
import { itemsAsParsed } from '../server/imports/document-import-direct.js';
import { extractUploadText } from '../server/imports/document-import-files.js';
import { action, CliError, cliLocale, configFor, integerIn, withDatabase } from './cli-context.js';

interface ImportDocOptions {
  year?: number;
  dryRun?: boolean;
  assign?: boolean;
  skipUnmatched?: boolean;
  again?: boolean;
}

/**
 * `luoshi import doc FILE [--year YYYY] [--dry-run]`: parse a policy document (.txt, .md, .docx).
 * With --dry-run, print its item tree as JSON in the fixtures' shape with the normaliser's change
 * list, reading no database (the parse is pure, so a document can be checked anywhere). Without it,
 * register the tree as parsed — source included, in one transaction, as drafts or assigned — when
 * every unit name matches a unit (the import page is where names are mapped and the tree edited).
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
    .option('--assign', 'assign the tasks to their lead units (default: drafts)')
    .option('--skip-unmatched', 'register items without the unit names that match no unit')
    .option('--again', 'register a document imported before (its tasks are updated, not duplicated)')
    .action(
      action(async (file: string, options: ImportDocOptions, command: Command) => {
        const bytes = await readFile(file).catch((error: unknown) => {
          throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        });
        const text = await extractUploadText({ name: basename(file), bytes });
        if (!options.dryRun) {
          await registerFile(configFor(command), { file, text, options });
          return;
        }
        const normalised = normaliseText(text);
        const parsed = parseDocument(normalised.text, { year: options.year ?? null });
        process.stdout.write(`${JSON.stringify(buildDryRunReport(parsed, normalised.changes), null, 2)}\n`);
      }),
    );
}

/** Registers the parsed tree as the system, refusing (exit 1) names that match no unit unless told. */
async function registerFile(config: Config, input: { file: string; text: string; options: ImportDocOptions }) {
  const { options } = input;
  await withDatabase(config, async (db) => {
    const actor = systemActor('import');
    const preview = await previewDocumentImport(db, { text: input.text, year: options.year ?? null, actor });
    const { items, unmatched } = itemsAsParsed(preview.document.items, preview.units);
    if (items.length === 0) throw new CliError(`no items found in ${input.file}; run with --dry-run to see the parse`);
    if (unmatched.length > 0 && !options.skipUnmatched) {
      throw new CliError(
        `these unit names match no single unit: ${unmatched.join('、')}. Map them in the import page ` +
          '(/imports/document), add them as aliases of their units, or run with --skip-unmatched.',
      );
    }
    const result = await registerDocumentImport(
      { db, config },
      {
        source: {
          kind: 'document',
          title: preview.document.title ?? basename(input.file).replace(/\.[^.]+$/, ''),
          docNumber: preview.document.docNumber,
          fullText: preview.normalised.text,
        },
        contentHash: preview.contentHash,
        mode: options.assign ? 'assign' : 'draft',
        items,
        aliases: [],
        ...(options.again ? { confirmDuplicate: true as const } : {}),
        actor,
        locale: cliLocale(),
      },
    );
    const created = result.tasks.filter((task) => task.created).length;
    process.stdout.write(
      `Registered source #${result.source.id} "${result.source.title}": ${created} tasks created, ` +
        `${result.tasks.length - created} updated${options.assign ? ', assigned' : ' (drafts)'}.\n`,
    );
  });
}
