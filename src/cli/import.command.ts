import type { Command } from 'commander';
import { registerImportDocCommand } from './import-doc.js';
import { registerExportXlsxCommand, registerImportXlsxCommand } from './import-xlsx.js';

/**
 * `luoshi import doc FILE` (a policy document → task tree), `luoshi import xlsx FILE` (a 任务分解表)
 * and `luoshi export xlsx` (tasks → the same template).
 */
export function registerImportCommands(program: Command): void {
  const importing = program.command('import').description('turn documents and spreadsheets into tasks');
  registerImportDocCommand(importing);
  registerImportXlsxCommand(importing);
  const exporting = program.command('export').description('write tasks out as a spreadsheet');
  registerExportXlsxCommand(exporting);
}
