import { type Command, InvalidArgumentError } from 'commander';
import { ensureCalendarSeeded } from '../server/calendar/calendar-seed.service.js';
import type { Config } from '../server/config.js';
import { createDatabase, type Database } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { AppError } from '../server/errors.js';
import { errorDetail } from '../server/i18n/messages.js';
import { loadConfigOrExit } from '../server/main.js';
import { ensureFirstAdmin } from '../server/users/bootstrap.service.js';
import type { Locale } from '../shared/locales.js';

/** A failure the CLI explains itself (bad option values, a cancelled prompt): one line, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The language of messages, from the POSIX locale variables (LC_ALL, then LC_MESSAGES, then LANG):
 * zh_TW, zh_HK, zh_MO and Hant → zh-TW; any other zh → zh-CN; everything else → en.
 */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase().replace('_', '-');
  if (!tag.startsWith('zh')) return 'en';
  return /^zh-(tw|hk|mo)|hant/.test(tag) ? 'zh-TW' : 'zh-CN';
}

/** Options every command accepts (declared on the program, usable before or after the command name). */
export interface GlobalOptions {
  data?: string;
}

/** The server configuration from the environment, with `--data` and any command options applied. */
export function configFor(command: Command, overrides: Partial<Config> = {}): Config {
  const { data } = command.optsWithGlobals<GlobalOptions>();
  return loadConfigOrExit({ ...(data ? { dataDir: data } : {}), ...overrides });
}

/** Where the data lives, for people to check: the SQLite file, or the PostgreSQL URL without its password. */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'sqlite') return `SQLite ${config.database.file}`;
  const url = new URL(config.database.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}

/**
 * Opens the configured database, brings its schema up to date (as the server does on start),
 * runs `work` with the names of the migrations just applied, and always closes the database.
 */
export async function withDatabase<T>(
  config: Config,
  work: (db: Database, applied: string[]) => Promise<T>,
): Promise<T> {
  const { db } = createDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    // As the server does on start: working-day reckoning (the demo's deadlines, the sweep) needs the holidays.
    await ensureCalendarSeeded(db);
    return await work(db, applied);
  } finally {
    await db.destroy();
  }
}

/**
 * Creates the first administrator exactly as the server's first start would, so that loading data
 * from the CLI into a new database never leaves it without a way in. Prints a generated password once.
 */
export async function ensureFirstAdminFromCli(db: Database, config: Config): Promise<void> {
  const admin = await ensureFirstAdmin(db, { password: config.adminPassword });
  if (admin?.generated) {
    process.stdout.write(`Created the first administrator "admin" with password: ${admin.password}\n`);
  } else if (admin) {
    process.stdout.write('Created the first administrator "admin" with LUOSHI_ADMIN_PASSWORD.\n');
  }
}

/** One line explaining a failure, in the user's language where the error has a translation. */
export function describeError(error: unknown, locale: Locale = cliLocale()): string {
  if (error instanceof AppError) return errorDetail(locale, error.code, error.params);
  if (error instanceof Error) {
    const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? error.cause : null;
    return cause ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

/** Wraps a command action so a failure prints one line on stderr and sets exit code 1 (or the CliError's). */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.stderr.write(`luoshi: ${describeError(error)}\n`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    }
  };
}

/** Commander argument parser for whole numbers in a range. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}
