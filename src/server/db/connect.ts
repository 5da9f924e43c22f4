import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
/** A connection or an open transaction: repositories accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Dialect = 'sqlite' | 'postgres';

/** better-sqlite3 cannot wait on a deferred transaction that upgrades to a write; start writers immediately. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

let pgTypesSet = false;
/** pg returns int8/numeric as strings and timestamps as Dates; make them match SQLite's plain values. */
function setPgTypeParsers(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
  pg.types.setTypeParser(1082, (v) => v);
  pg.types.setTypeParser(1114, (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString());
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
}

/** Opens a SQLite file with the pragmas a server database needs (DESIGN-NOTES.md). */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // LIKE is case-sensitive, as on PostgreSQL, which also lets SQLite answer prefix patterns
  // (`path LIKE '/12/40/%'`: a subtree) from an index instead of scanning the table.
  sqlite.pragma('case_sensitive_like = ON');
  cacheStatements(sqlite, 500);
  return sqlite;
}

/**
 * Keeps prepared statements by their SQL text (least recently used out first). Kysely prepares
 * every query anew, and preparing was ~10% of a list request's CPU at 1M tasks; the server runs
 * the same few hundred statements all day. Safe because statements run to completion one at a
 * time on this connection (nothing here iterates a statement while running another of the same text).
 */
function cacheStatements(sqlite: SQLite.Database, size: number): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Creates the Kysely instance for the configured database. */
export function createDatabase(database: Config['database']): { db: Database; dialect: Dialect } {
  if (database.kind === 'sqlite') {
    const sqlite = openSqlite(database.file);
    return { db: new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
  }
  setPgTypeParsers();
  const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
  // An idle connection that the server closes (restart, failover, admin termination) emits 'error'
  // on the pool; unhandled, that would crash the process. The pool drops the broken client by
  // itself and the next query opens a new one, so noting it is enough.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`);
  });
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}

/** Current time as the ISO string every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}
