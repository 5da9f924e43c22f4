import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { NotificationPrefsTable } from '../db/schema-supervision.js';

export type NotificationPrefsRow = Selectable<NotificationPrefsTable>;

/** A person's saved preferences (primary key), undefined when never saved. */
export function findPrefsRow(db: Executor, userId: number): Promise<NotificationPrefsRow | undefined> {
  return db.selectFrom('notification_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Saves preferences for the first time; undefined when someone saved them meanwhile. */
export function insertPrefsRow(
  db: Executor,
  row: Insertable<NotificationPrefsTable>,
): Promise<NotificationPrefsRow | undefined> {
  return db
    .insertInto('notification_prefs')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Replaces preferences still at `version`; undefined when they are not. */
export function updatePrefsRow(
  db: Executor,
  userId: number,
  version: number,
  values: Omit<NotificationPrefsRow, 'user_id' | 'version'>,
): Promise<NotificationPrefsRow | undefined> {
  return db
    .updateTable('notification_prefs')
    .set({ ...values, version: version + 1 })
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A person's email address, if any. */
export async function findUserEmail(db: Executor, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ? row.email : null;
}
