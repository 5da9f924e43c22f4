import type { Command } from 'commander';

/** `luoshi import doc FILE [--year YYYY] [--dry-run]` (placeholder until the parser lands). */
export function registerImportDocCommand(importing: Command): void {
  importing.command('doc <file>').description('parse a policy document into a task tree');
}
