import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { SettingTable } from '../db/schema-calendar.js';

export type SettingRow = Selectable<SettingTable>;

/** One setting by key (primary key). */
export function findSettingRow(db: Executor, key: string): Promise<SettingRow | undefined> {
  return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Replaces a setting's value when its version still matches, bumping the version; undefined on a
 * mismatch (or a missing row), for the caller to answer 409.
 */
export function updateSettingRow(
  db: Executor,
  key: string,
  version: number,
  changes: { value: string; updated_at: string; updated_by: number | null },
): Promise<SettingRow | undefined> {
  return db
    .updateTable('settings')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('key', '=', key)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Reads a setting for an update later in the same transaction: a no-op write first takes the
 * row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already admits one writer), so two writers of
 * the same setting queue up instead of both working from the same old value.
 */
export async function lockSettingRow(db: Executor, key: string): Promise<SettingRow | undefined> {
  await db
    .updateTable('settings')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('key', '=', key)
    .execute();
  return findSettingRow(db, key);
}

/** Writes a setting whatever its version (creating it if missing) and bumps the version. */
export async function writeSettingRow(
  db: Executor,
  key: string,
  changes: { value: string; updated_at: string; updated_by: number | null },
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, ...changes, version: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
        version: sql<number>`settings.version + 1`,
      })),
    )
    .execute();
}
