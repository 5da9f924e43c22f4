import type { Transaction } from 'kysely';
import type { Database } from './connect.js';
import type { DB } from './schema.js';

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);

/**
 * Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite). PostgreSQL serialization failures and
 * deadlocks are retried here, in one place, a few times with a short pause.
 */
export async function inTransaction<T>(db: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE_PG_CODES.has(code) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
