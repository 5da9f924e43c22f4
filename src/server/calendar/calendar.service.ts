import type { Transaction } from 'kysely';
import { HolidayIcsError, parseHolidayIcs } from '../../domain/holiday-ics.js';
import { addWorkingDays, isRangePublished } from '../../domain/working-days.js';
import type { CalendarDayKind } from '../../shared/calendar.js';
import type { CalendarImportResult } from '../../shared/calendar-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import {
  type CalendarDayRow,
  deleteCalendarDayRow,
  findCalendarDayRow,
  listCalendarDayRows,
  type NewCalendarDayRow,
  upsertCalendarDayRows,
} from './calendar.repository.js';
import { lockCalendarState, readCalendarState, saveCalendarState } from './calendar-state.js';
import { forgetWorkingCalendar, loadWorkingCalendar } from './working-calendar.service.js';

/** One year of the calendar: its entries and whether its official schedule is in. Anyone signed in. */
export async function getCalendarYear(db: Database, { year }: { year: number }) {
  const [state, days] = await Promise.all([
    readCalendarState(db),
    listCalendarDayRows(db, { from: `${year}-01-01`, to: `${year}-12-31` }),
  ]);
  return { year, published: state.publishedYears.includes(year), days };
}

/**
 * Runs a calendar write: one writer at a time (the calendar bookkeeping row is locked), the
 * revision bumped in the same transaction, and this node's cache cleared once it has committed.
 */
async function calendarWrite<T>(
  db: Database,
  actor: Actor,
  work: (trx: Transaction<DB>, years: { published: Set<number> }) => Promise<T>,
): Promise<T> {
  assertAllowed(can.manageCalendar(actor));
  const result = await inTransaction(db, async (trx) => {
    const state = await lockCalendarState(trx);
    const years = { published: new Set(state.publishedYears) };
    const done = await work(trx, years);
    await saveCalendarState(trx, { publishedYears: [...years.published], seededYears: state.seededYears }, actor);
    return done;
  });
  forgetWorkingCalendar(db);
  return result;
}

function summary(row: CalendarDayRow | undefined) {
  return row ? { kind: row.kind, name: row.name, source: row.source } : null;
}

/** Marks a date as a holiday or a make-up workday (replacing what it was). Administrators only. */
export async function setCalendarDay(
  db: Database,
  input: { date: string; kind: CalendarDayKind; name: string; actor: Actor },
): Promise<CalendarDayRow> {
  const name = input.name.trim();
  return calendarWrite(db, input.actor, async (trx) => {
    const before = await findCalendarDayRow(trx, input.date);
    if (before && before.kind === input.kind && before.name === name) return before;
    const row: CalendarDayRow = {
      date: input.date,
      kind: input.kind,
      name,
      source: 'admin',
      updated_at: nowIso(),
      updated_by: input.actor.userId,
    };
    await upsertCalendarDayRows(trx, [row]);
    await insertAuditEntry(trx, input.actor, {
      action: 'calendar.day.set',
      objectType: 'calendar_day',
      objectId: input.date,
      detail: { from: summary(before), to: { kind: input.kind, name } },
    });
    return row;
  });
}

/** Removes a date's entry, so it follows the plain weekday/weekend rule again. Administrators only. */
export async function removeCalendarDay(db: Database, input: { date: string; actor: Actor }): Promise<void> {
  await calendarWrite(db, input.actor, async (trx) => {
    const before = await findCalendarDayRow(trx, input.date);
    if (!before || !(await deleteCalendarDayRow(trx, input.date))) {
      throw new AppError('calendar_day_not_found', { date: input.date }, 'date');
    }
    await insertAuditEntry(trx, input.actor, {
      action: 'calendar.day.remove',
      objectType: 'calendar_day',
      objectId: input.date,
      detail: { from: summary(before) },
    });
  });
}

/**
 * Says whether a year's official schedule is in the calendar (an administrator who typed it in
 * by hand confirms it here; seeding and imports set it themselves). Administrators only.
 */
export async function setYearPublished(db: Database, input: { year: number; published: boolean; actor: Actor }) {
  await calendarWrite(db, input.actor, async (trx, years) => {
    if (years.published.has(input.year) === input.published) return;
    if (input.published) years.published.add(input.year);
    else years.published.delete(input.year);
    await insertAuditEntry(trx, input.actor, {
      action: input.published ? 'calendar.year.publish' : 'calendar.year.unpublish',
      objectType: 'calendar',
      objectId: input.year,
    });
  });
  return getCalendarYear(db, { year: input.year });
}

/** The parsed file, or the 422 that says where it went wrong. */
function parseOrRefuse(ics: string) {
  try {
    return parseHolidayIcs(ics);
  } catch (error) {
    if (!(error instanceof HolidayIcsError)) throw error;
    if (error.problem === 'bad_event') throw new AppError('calendar_file_invalid', { line: error.line }, 'ics');
    throw new AppError('calendar_file_empty', {}, 'ics');
  }
}

/**
 * Imports an iCalendar file (e.g. the State Council schedule from a calendar feed): each all-day
 * event's dates become holidays or make-up workdays, replacing those dates' entries, and every
 * year with a holiday in the file counts as published. One transaction, one audit entry.
 */
export async function importCalendar(
  db: Database,
  input: { ics: string; actor: Actor },
): Promise<CalendarImportResult> {
  const parsed = parseOrRefuse(input.ics);
  return calendarWrite(db, input.actor, async (trx, years) => {
    const first = parsed.days[0]?.date ?? '';
    const last = parsed.days.at(-1)?.date ?? '';
    const existing = new Map((await listCalendarDayRows(trx, { from: first, to: last })).map((r) => [r.date, r]));
    const now = nowIso();
    const changed: NewCalendarDayRow[] = [];
    let created = 0;
    for (const day of parsed.days) {
      const before = existing.get(day.date);
      if (before && before.kind === day.kind && before.name === day.name) continue;
      if (!before) created += 1;
      changed.push({ ...day, source: 'import', updated_at: now, updated_by: input.actor.userId });
    }
    await upsertCalendarDayRows(trx, changed);
    const covered = [
      ...new Set(parsed.days.filter((d) => d.kind === 'holiday').map((d) => Number(d.date.slice(0, 4)))),
    ];
    for (const year of covered) years.published.add(year);
    const result = {
      events: parsed.events,
      skipped: parsed.skipped,
      days: parsed.days.length,
      created,
      updated: changed.length - created,
      unchanged: parsed.days.length - changed.length,
      years: covered.sort((a, b) => a - b),
    };
    await insertAuditEntry(trx, input.actor, {
      action: 'calendar.import',
      objectType: 'calendar',
      objectId: null,
      detail: { ...result, from: first, to: last },
    });
    return result;
  });
}

/**
 * The date `days` working days after `from` (the start day not counted), and whether every year
 * on the way has its official schedule — for "N working days from today" previews.
 */
export async function workingDaysFrom(db: Database, input: { from: string; days: number }) {
  const calendar = await loadWorkingCalendar(db);
  const date = addWorkingDays(calendar, input.from, input.days);
  return { date, published: isRangePublished(calendar, input.from, date) };
}
