import { z } from 'zod';
import {
  CALENDAR_DAY_KINDS,
  CALENDAR_LIMITS,
  CALENDAR_SOURCES,
  isCalendarDate,
  TASK_SETTING_LIMITS,
} from './calendar.js';

// The holiday calendar's and the task settings' request and answer shapes: the server validates
// and documents with these; the web takes its types from them (type-only imports).

/** A real date written `YYYY-MM-DD`: a wrong shape is a format error, `2026-02-30` is invalid. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate, { message: 'not a calendar date' });

export const calendarYear = z.number().int().min(CALENDAR_LIMITS.yearMin).max(CALENDAR_LIMITS.yearMax);

export const calendarDaySchema = z
  .object({
    date: z.string(),
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string(),
    source: z.enum(CALENDAR_SOURCES),
  })
  .describe('Calendar day: a holiday, or a weekend day worked instead (调休上班)');

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    /** True when the year's official schedule is in the calendar (shipped, imported or confirmed). */
    published: z.boolean(),
    days: z.array(calendarDaySchema),
  })
  .describe('One year of the holiday calendar');

export const calendarImportResultSchema = z
  .object({
    events: z.number().int(),
    skipped: z.number().int(),
    days: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    years: z.array(z.number().int()),
  })
  .describe('What an iCalendar import changed');

export const workingDaysResultSchema = z
  .object({
    date: z.string(),
    /** False when a year on the way has no official schedule yet (only weekends were skipped there). */
    published: z.boolean(),
  })
  .describe('The date N working days after another');

export const acknowledgeWorkingDays = z
  .number()
  .int()
  .min(TASK_SETTING_LIMITS.acknowledgeWorkingDaysMin)
  .max(TASK_SETTING_LIMITS.acknowledgeWorkingDaysMax);

export const taskSettingsSchema = z
  .object({ version: z.number().int(), acknowledgeWorkingDays: z.number().int() })
  .describe('Task settings');

export type CalendarDay = z.infer<typeof calendarDaySchema>;
export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type CalendarImportResult = z.infer<typeof calendarImportResultSchema>;
export type WorkingDaysResult = z.infer<typeof workingDaysResultSchema>;
export type TaskSettingsAnswer = z.infer<typeof taskSettingsSchema>;
