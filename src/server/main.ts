import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { ensureCalendarSeeded } from './calendar/calendar-seed.service.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDatabase, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { isEntryPoint } from './entry-point.js';
import { startCockpitSnapshots } from './jobs/cockpit-snapshots.js';
import { startDeliveries } from './jobs/deliveries.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { startStatusReports } from './jobs/status-reports.js';
import { startSupervisionSweep } from './jobs/supervision-sweep.js';
import { ensureFirstAdmin } from './users/bootstrap.service.js';

/**
 * Starts the server: migrate, make the first admin if needed, listen, and stop cleanly on signals.
 * With `workers` > 1 this process prepares the database and then forks that many server processes
 * sharing the port (Node cluster): each has its own database connection (SQLite in WAL mode takes
 * readers side by side and queues writers; PostgreSQL gives each its pool), and none keeps state
 * of its own, exactly as several nodes behind a load balancer.
 */
export async function startServer(config: Config): Promise<void> {
  if (config.workers > 1 && cluster.isPrimary) return startPrimary(config);
  const worker = cluster.isWorker ? cluster.worker?.id : undefined;
  const { db, dialect } = createDatabase(config.database);
  const admin = worker === undefined ? await prepareDatabase(db, config) : undefined;
  const app = await buildApp({ config, db, dialect, ...(config.webDir ? { webDir: config.webDir } : {}) });
  if (admin?.generated) {
    // Printed once, on purpose, to the console only (not the log stream): the operator needs it to sign in.
    process.stdout.write(
      `\n  First start: created user "admin" with password: ${admin.password}\n  Sign in and change it under Settings.\n\n`,
    );
  } else if (admin) {
    app.log.info('first start: created user "admin" with LUOSHI_ADMIN_PASSWORD');
  }
  // The jobs are idempotent (several nodes may run them at once); one worker of a cluster is enough.
  const runsJobs = config.jobs && (worker === undefined || worker === 1);
  const stopHousekeeping = runsJobs ? startHousekeeping(db, app.log, config.timeZone) : () => {};
  const stopSnapshots = runsJobs ? startCockpitSnapshots({ db, dialect, config }, app.log) : () => {};
  const stopSweep = runsJobs ? startSupervisionSweep(db, app.log, config.timeZone) : () => {};
  const stopDeliveries = runsJobs ? startDeliveries({ db, dialect, config }, app.log) : () => {};
  const stopStatusReports = runsJobs ? startStatusReports({ db, dialect, config }, app.log) : () => {};
  const stopJobs = () => {
    stopHousekeeping();
    stopSnapshots();
    stopSweep();
    stopDeliveries();
    stopStatusReports();
  };
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
  if (worker === undefined || worker === 1) {
    app.log.info(
      { database: dialect, dataDir: config.dataDir, workers: config.workers },
      `Luoshi is listening on http://${config.host}:${config.port}`,
    );
  }
}

/** Migrations, the calendar and the first administrator: once, before any request is served. */
async function prepareDatabase(db: Database, config: Config) {
  await migrateToLatest(db);
  await ensureCalendarSeeded(db);
  return ensureFirstAdmin(db, { password: config.adminPassword });
}

/**
 * The cluster's first process: prepares the database, forks the workers, replaces one that dies
 * (at most once a second), and on SIGINT/SIGTERM asks each to stop and exits when all have.
 */
async function startPrimary(config: Config): Promise<void> {
  const { db } = createDatabase(config.database);
  const admin = await prepareDatabase(db, config);
  await db.destroy();
  if (admin?.generated) {
    process.stdout.write(
      `\n  First start: created user "admin" with password: ${admin.password}\n  Sign in and change it under Settings.\n\n`,
    );
  }
  let stopping = false;
  let lastFork = 0;
  const fork = () => {
    lastFork = Date.now();
    cluster.fork();
  };
  cluster.on('exit', (dead, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`luoshi: worker ${dead.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(fork, Math.max(0, 1000 - (Date.now() - lastFork)));
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let i = 0; i < config.workers; i++) fork();
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
