import type { CalendarDay, CalendarYear } from '../../shared/calendar-api.js';
import type { CalendarDayRow } from './calendar.repository.js';

/** The public shape of a calendar day: who changed it when stays in the audit log. */
export function presentCalendarDay(row: CalendarDayRow): CalendarDay {
  return { date: row.date, kind: row.kind, name: row.name, source: row.source };
}

/** One year of the calendar. */
export function presentCalendarYear(year: { year: number; published: boolean; days: CalendarDayRow[] }): CalendarYear {
  return { year: year.year, published: year.published, days: year.days.map(presentCalendarDay) };
}
