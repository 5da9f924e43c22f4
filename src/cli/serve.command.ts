import type { Command } from 'commander';
import type { Config } from '../server/config.js';
import { startServer } from '../server/main.js';
import { configFor, describeError, integerIn } from './cli-context.js';

interface ServeOptions {
  port?: number;
  host?: string;
  workers?: number;
}

/** `luoshi serve`: start the web server (it migrates and creates the first admin itself). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the server: migrate the database, then listen (Ctrl-C stops it cleanly)')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000)', integerIn(1, 65535))
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--workers <n>', 'server processes sharing the port (default: $LUOSHI_WORKERS or 1)', integerIn(1, 64))
    .action(async (options: ServeOptions, command: Command) => {
      const overrides: Partial<Config> = {};
      if (options.port !== undefined) overrides.port = options.port;
      if (options.host) overrides.host = options.host;
      if (options.workers !== undefined) overrides.workers = options.workers;
      try {
        await startServer(configFor(command, overrides));
      } catch (error) {
        // Exit at once: a half-started server may hold a database pool open.
        process.stderr.write(`luoshi: the server could not start: ${describeError(error)}\n`);
        process.exit(1);
      }
    });
}
