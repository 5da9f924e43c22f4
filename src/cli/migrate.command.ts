import type { Command } from 'commander';
import { action, configFor, describeDatabase, withDatabase } from './cli-context.js';

/** `luoshi migrate`: bring the database schema up to date and say what was applied. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (serve does this too)')
    .action(
      action(async (_options: unknown, command: Command) => {
        const config = configFor(command);
        await withDatabase(config, async (_db, applied) => {
          process.stdout.write(`Database: ${describeDatabase(config)}\n`);
          if (applied.length === 0) {
            process.stdout.write('The schema is up to date.\n');
            return;
          }
          for (const name of applied) process.stdout.write(`Applied migration ${name}\n`);
        });
      }),
    );
}
