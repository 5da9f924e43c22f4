import type { Command } from 'commander';
import { localDate } from '../domain/dates.js';
import { runDailyFullSweep } from '../server/supervision/full-sweep.service.js';
import { sweepAll, sweepQueued } from '../server/supervision/sweep.service.js';
import { action, CliError, configFor, withDatabase } from './cli-context.js';

interface SweepOptions {
  full?: boolean;
  force?: boolean;
  today?: string;
}

/**
 * `luoshi sweep`: one supervision sweep now (the server runs it every few minutes): the tasks queued
 * by changes, or with `--full` every open task (today's daily sweep, unless another node holds it;
 * `--force` walks all tasks regardless). Safe beside running servers.
 */
export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('recompute task health and fire due escalation actions once')
    .option('--full', 'every open task, not only those changed since the last sweep')
    .option('--force', 'with --full: walk every task even if today’s full sweep is done or running elsewhere')
    .option('--today <date>', 'judge as of this local day (YYYY-MM-DD)')
    .action(
      action(async (options: SweepOptions, command: Command) => {
        const config = configFor(command);
        if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
          throw new CliError('--today must be a date like 2026-06-30');
        }
        const today = options.today ?? localDate(new Date(), config.timeZone);
        const base = { today, timeZone: config.timeZone };
        await withDatabase(config, async (db) => {
          const started = Date.now();
          const result = options.full
            ? options.force
              ? await sweepAll(db, base)
              : await runDailyFullSweep(db, base)
            : await sweepQueued(db, base);
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          if (!result) {
            process.stdout.write(`Today's full sweep (${today}) is done or running on another node.\n`);
            return;
          }
          process.stdout.write(
            `Swept ${result.assessed} tasks in ${seconds} s: ${result.changed} lights changed, ${result.fired} actions fired.\n`,
          );
        });
      }),
    );
}
