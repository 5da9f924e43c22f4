import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type GenProgress, type GenSummary, generateDataset } from '../server/gen/gen.service.js';
import {
  action,
  configFor,
  describeDatabase,
  ensureFirstAdminFromCli,
  integerIn,
  withDatabase,
} from './cli-context.js';

interface GenCommandOptions {
  units: number;
  users: number;
  tasks: number;
  seed: number;
  force?: boolean;
}

/** Shows progress: a bar with the rate on a terminal, a plain line every few seconds otherwise. */
function progressReporter(): { update(progress: GenProgress): void; stop(): void } {
  let phase = '';
  let phaseStarted = performance.now();
  let lastLine = 0;
  const rate = (done: number) => Math.round(done / Math.max(0.001, (performance.now() - phaseStarted) / 1000));
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{phase} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(progress) {
        if (progress.phase !== phase) {
          phase = progress.phase;
          phaseStarted = performance.now();
          if (started) bar.stop();
          bar.start(Math.max(1, progress.total), progress.done, { phase: phase.padEnd(12), rate: 0 });
          started = true;
        }
        bar.update(progress.done, { rate: rate(progress.done).toLocaleString('en') });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    update(progress) {
      const changed = progress.phase !== phase;
      if (changed) {
        phase = progress.phase;
        phaseStarted = performance.now();
      }
      if (!changed && performance.now() - lastLine < 5000 && progress.done < progress.total) return;
      lastLine = performance.now();
      const share = progress.total > 0 ? ` (${Math.round((progress.done / progress.total) * 100)}%)` : '';
      const speed = progress.done > 0 ? `, ${rate(progress.done).toLocaleString('en')} a second` : '';
      process.stdout.write(
        `${phase}: ${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')}${share}${speed}\n`,
      );
    },
    stop: () => {},
  };
}

function describeSummary(summary: GenSummary): string {
  const pct = (n: number) => `${((n / Math.max(1, summary.tasks)) * 100).toFixed(1)}%`;
  const statuses = Object.entries(summary.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${status} ${pct(n)}`)
    .join(', ');
  const s = summary.seconds;
  const lines = [
    `Generated in ${s.total.toFixed(1)} s (organisation ${s.organisation.toFixed(1)} s, tasks ${s.tasks.toFixed(1)} s, search index ${s['search index'].toFixed(1)} s, indexes ${s.indexes.toFixed(1)} s, summaries ${s.summaries.toFixed(1)} s, statistics ${s.statistics.toFixed(1)} s):`,
    `  units:      ${summary.units}${summary.reusedOrganisation ? ' (reused from an earlier run)' : ''}`,
    `  people:     ${summary.people}`,
    `  sources:    ${summary.sources}`,
    `  tasks:      ${summary.tasks} (${Math.round(summary.tasks / Math.max(0.001, s.tasks))} a second), by depth ${summary.byDepth.join(' / ')}, key ${pct(summary.keyTasks)}`,
    `  statuses:   ${statuses}`,
    `  overdue:    ${(summary.overdueShare * 100).toFixed(1)}% of open tasks (assigned, in progress, returned)`,
    `  task units: ${summary.taskUnits}, history entries: ${summary.events}`,
    '',
    `Sign in with the password ${summary.accounts.password}, e.g. ${summary.accounts.supervisor} (supervisor), ${summary.accounts.leader} (leader), ${summary.accounts.unitStaff} (unit staff).`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `luoshi gen`: a synthetic organisation and task forest for benchmarks and trials. */
export function registerGenCommand(program: Command): void {
  program
    .command('gen')
    .description('generate a synthetic organisation (云河市) and task forest, e.g. for `npm run bench`')
    .option('--units <n>', 'units in the organisation', integerIn(1, 100_000), 2000)
    .option('--users <n>', 'people', integerIn(1, 1_000_000), 20_000)
    .option('--tasks <n>', 'tasks', integerIn(0, 50_000_000), 1_000_000)
    .option(
      '--seed <n>',
      'seed of the pseudo-random generator (same seed and day, same data)',
      integerIn(0, 2 ** 32 - 1),
      1,
    )
    .option('--force', 'delete all existing tasks and sources first (otherwise refuse when there are tasks)')
    .action(
      action(async (options: GenCommandOptions, command: Command) => {
        const config = configFor(command);
        process.stdout.write(`Database: ${describeDatabase(config)}\n`);
        await withDatabase(config, async (db) => {
          await ensureFirstAdminFromCli(db, config);
          const dialect = config.database.kind === 'sqlite' ? 'sqlite' : 'postgres';
          const reporter = progressReporter();
          try {
            const summary = await generateDataset(
              { db, dialect, timeZone: config.timeZone },
              {
                units: options.units,
                users: options.users,
                tasks: options.tasks,
                seed: options.seed,
                force: options.force === true,
              },
              (progress) => reporter.update(progress),
            );
            reporter.stop();
            process.stdout.write(describeSummary(summary));
          } finally {
            reporter.stop();
          }
        });
      }),
    );
}
