import type { Command } from 'commander';

/** `luoshi import xlsx FILE` (placeholder until spreadsheet import lands). */
export function registerImportXlsxCommand(importing: Command): void {
  importing.command('xlsx <file>').description('import a 任务分解表 spreadsheet');
}

/** `luoshi export xlsx` (placeholder until spreadsheet export lands). */
export function registerExportXlsxCommand(exporting: Command): void {
  exporting.command('xlsx').description('export tasks to the 任务分解表 template');
}
