import { Command } from 'commander';
import { isEntryPoint } from '../server/entry-point.js';
import { VERSION } from '../server/version.js';
import { registerAuditCommands } from './audit.command.js';
import { registerDemoCommand } from './demo.command.js';
import { registerGenCommand } from './gen.command.js';
import { registerImportCommands } from './import.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerServeCommand } from './serve.command.js';
import { registerSweepCommand } from './sweep.command.js';
import { registerUserCommands } from './user.command.js';

/** The `luoshi` command line: thin adapters over the server's services. */
export function buildProgram(): Command {
  const program = new Command('luoshi')
    .description('Luoshi (落实): follow decisions through to results')
    .version(VERSION)
    .option('--data <dir>', 'data directory for the SQLite database (default: $LUOSHI_DATA_DIR or ./data)')
    .addHelpText('after', '\nSet DATABASE_URL=postgres://… to use PostgreSQL instead of SQLite.')
    .showHelpAfterError('(run with --help for usage)');
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommands(program);
  registerDemoCommand(program);
  registerGenCommand(program);
  registerAuditCommands(program);
  registerSweepCommand(program);
  registerImportCommands(program);
  return program;
}

/** Runs the CLI with Node-style argv (`[node, script, ...args]`). */
export async function run(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}

// `node dist/cli/luoshi.js …` runs it directly; bin/luoshi.js imports it and calls run().
if (isEntryPoint(import.meta.url)) await run(process.argv);
