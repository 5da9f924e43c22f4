import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Dialect } from '../db/connect.js';

/** Which database this test run uses: set per Vitest project (vitest.config.ts). */
export function testDialect(): Dialect {
  return process.env.LUOSHI_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** The PostgreSQL server tests create their throw-away databases on. */
export function testPostgresAdminUrl(): string {
  return process.env.LUOSHI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A fresh, empty database for one test file: an in-memory SQLite database, or a new PostgreSQL
 * database with a random name (dropped by `drop`).
 */
export async function createTestDatabaseConfig(): Promise<{ database: Config['database']; drop: () => Promise<void> }> {
  if (testDialect() === 'sqlite') {
    return { database: { kind: 'sqlite', file: ':memory:' }, drop: async () => {} };
  }
  const adminUrl = testPostgresAdminUrl();
  const name = `luoshi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    // Throw-away databases: a crash may lose the last commits, which tests never need; this makes
    // each commit not wait for the disk, which dominates the PostgreSQL suite's time on a small machine.
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // Without FORCE: killing a backend whose client is still closing makes pg raise an uncaught
        // error in the test process. The app's pool has ended; wait a moment for its sockets to go.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
