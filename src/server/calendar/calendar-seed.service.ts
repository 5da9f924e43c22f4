import { CHINA_HOLIDAY_SCHEDULES, expandSchedule, type HolidaySchedule } from '../../domain/china-holidays.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import { systemActor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { insertMissingCalendarDayRows } from './calendar.repository.js';
import { lockCalendarState, readCalendarState, saveCalendarState } from './calendar-state.js';
import { forgetWorkingCalendar } from './working-calendar.service.js';

/**
 * Puts the shipped official schedules into the calendar, each year once: a year already seeded is
 * never seeded again (so a seeded day an administrator deleted stays deleted), and a date an
 * administrator or an import already set is left as they set it. Called at every start-up; safe
 * on several nodes at once, and a no-op read once everything is in.
 */
export async function ensureCalendarSeeded(
  db: Database,
  schedules: readonly HolidaySchedule[] = CHINA_HOLIDAY_SCHEDULES,
): Promise<{ years: number[]; days: number }> {
  const seeded = new Set((await readCalendarState(db)).seededYears);
  if (schedules.every((schedule) => seeded.has(schedule.year))) return { years: [], days: 0 };
  const result = await inTransaction(db, async (trx) => {
    const state = await lockCalendarState(trx);
    const pending = schedules.filter((schedule) => !state.seededYears.includes(schedule.year));
    if (pending.length === 0) return { years: [], days: 0 };
    const now = nowIso();
    const rows = pending.flatMap(expandSchedule).map((day) => ({ ...day, source: 'seed' as const, updated_at: now }));
    const days = await insertMissingCalendarDayRows(trx, rows);
    const years = pending.map((schedule) => schedule.year);
    await saveCalendarState(
      trx,
      { publishedYears: [...state.publishedYears, ...years], seededYears: [...state.seededYears, ...years] },
      null,
    );
    await insertAuditEntry(trx, systemActor('seed'), {
      action: 'calendar.seed',
      objectType: 'calendar',
      objectId: null,
      detail: { years, days, notices: pending.map((schedule) => schedule.notice) },
    });
    return { years, days };
  });
  forgetWorkingCalendar(db);
  return result;
}
