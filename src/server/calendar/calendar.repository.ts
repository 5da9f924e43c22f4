import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { CalendarDayTable } from '../db/schema-calendar.js';

export type CalendarDayRow = Selectable<CalendarDayTable>;
export type NewCalendarDayRow = Insertable<CalendarDayTable>;

/** Rows per INSERT: well under SQLite's bound-parameter limit with six columns each. */
const BATCH = 500;

/** Calendar days from `from` to `to` inclusive, in date order (a range on the primary key). */
export function listCalendarDayRows(db: Executor, range: { from: string; to: string }): Promise<CalendarDayRow[]> {
  return db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('date')
    .execute();
}

/** Every calendar day (a few dozen a year), for building the working calendar. */
export function listAllCalendarDays(db: Executor): Promise<Pick<CalendarDayRow, 'date' | 'kind' | 'name'>[]> {
  return db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date').execute();
}

/** One calendar day by date. */
export function findCalendarDayRow(db: Executor, date: string): Promise<CalendarDayRow | undefined> {
  return db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

/** Writes calendar days, replacing whatever the same dates held. */
export async function upsertCalendarDayRows(db: Executor, rows: readonly NewCalendarDayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('calendar_days')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('date').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name: eb.ref('excluded.name'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
}

/** Inserts calendar days whose dates are still free; returns how many went in (others are left alone). */
export async function insertMissingCalendarDayRows(db: Executor, rows: readonly NewCalendarDayRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const done = await db
      .insertInto('calendar_days')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.column('date').doNothing())
      .returning('date')
      .execute();
    inserted += done.length;
  }
  return inserted;
}

/** Deletes one calendar day; returns whether there was one. */
export async function deleteCalendarDayRow(db: Executor, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
