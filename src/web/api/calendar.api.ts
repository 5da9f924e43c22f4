import type { CalendarDayKind } from '../../shared/calendar.js';
import type {
  CalendarDay,
  CalendarImportResult,
  CalendarYear,
  TaskSettingsAnswer,
  WorkingDaysResult,
} from '../../shared/calendar-api.js';
import { apiRequest } from './http.js';

export type { CalendarDay, CalendarImportResult, CalendarYear, TaskSettingsAnswer, WorkingDaysResult };

/** One year of holidays and make-up workdays, and whether its official schedule is in. */
export function getCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return apiRequest('/calendar', { query: { year }, signal });
}

/** Marks a date as a holiday or a make-up workday (administrators). */
export function setCalendarDay(date: string, input: { kind: CalendarDayKind; name: string }): Promise<CalendarDay> {
  return apiRequest(`/calendar/days/${date}`, { method: 'PUT', body: input });
}

/** Removes a date's entry; 404 calendar_day_not_found when it had none. */
export function removeCalendarDay(date: string): Promise<void> {
  return apiRequest(`/calendar/days/${date}`, { method: 'DELETE' });
}

/** Confirms (or withdraws) that a year's official schedule is complete. */
export function setYearPublished(year: number, published: boolean): Promise<CalendarYear> {
  return apiRequest(`/calendar/years/${year}`, { method: 'PUT', body: { published } });
}

/** Imports an iCalendar text; 422 calendar_file_invalid / calendar_file_empty when it cannot be used. */
export function importCalendar(ics: string): Promise<CalendarImportResult> {
  return apiRequest('/calendar/import', { method: 'POST', body: { ics } });
}

/** The date `days` working days after `from` (the start day not counted). */
export function workingDaysFrom(from: string, days: number, signal?: AbortSignal): Promise<WorkingDaysResult> {
  return apiRequest('/calendar/working-days', { method: 'POST', body: { from, days }, signal });
}

export function getTaskSettings(signal?: AbortSignal): Promise<TaskSettingsAnswer> {
  return apiRequest('/settings/tasks', { signal });
}

/** Changes the task settings; 409 version_conflict when someone changed them since `version`. */
export function updateTaskSettings(input: TaskSettingsAnswer): Promise<TaskSettingsAnswer> {
  return apiRequest('/settings/tasks', { method: 'PUT', body: input });
}
