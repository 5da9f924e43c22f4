import { buildApp } from './app.js';
import { ensureCalendarSeeded } from './calendar/calendar-seed.service.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { isEntryPoint } from './entry-point.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { ensureFirstAdmin } from './users/bootstrap.service.js';

/** Starts the server: migrate, make the first admin if needed, listen, and stop cleanly on signals. */
export async function startServer(config: Config): Promise<void> {
  const { db, dialect } = createDatabase(config.database);
  await migrateToLatest(db);
  await ensureCalendarSeeded(db);
  const admin = await ensureFirstAdmin(db, { password: config.adminPassword });
  const app = await buildApp({ config, db, dialect });
  if (admin?.generated) {
    // Printed once, on purpose, to the console only (not the log stream): the operator needs it to sign in.
    process.stdout.write(
      `\n  First start: created user "admin" with password: ${admin.password}\n  Sign in and change it under Settings.\n\n`,
    );
  } else if (admin) {
    app.log.info('first start: created user "admin" with LUOSHI_ADMIN_PASSWORD');
  }
  const stopJobs = startHousekeeping(db, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopJobs();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: dialect, dataDir: config.dataDir },
    `Luoshi is listening on http://${config.host}:${config.port}`,
  );
}

/** Loads the configuration or exits listing every problem. */
export function loadConfigOrExit(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

// `npm run dev` runs this file directly; the CLI imports startServer instead.
if (isEntryPoint(import.meta.url)) {
  startServer(loadConfigOrExit()).catch((error: unknown) => {
    process.stderr.write(`Luoshi failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
