import { z } from 'zod';
import { CALENDAR_DAY_KINDS, CALENDAR_LIMITS } from '../../shared/calendar.js';
import { calendarDate, calendarYear } from '../../shared/calendar-api.js';
import { text } from '../http/common.schema.js';

export {
  calendarDaySchema,
  calendarImportResultSchema,
  calendarYearSchema,
  workingDaysResultSchema,
} from '../../shared/calendar-api.js';

export const calendarYearQuery = z.strictObject({ year: z.coerce.number().pipe(calendarYear).optional() });

export const calendarDateParams = z.strictObject({ date: calendarDate });

export const calendarYearParams = z.strictObject({ year: z.coerce.number().pipe(calendarYear) });

export const setCalendarDayBody = z.strictObject({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: text(CALENDAR_LIMITS.nameMax),
});

export const setYearPublishedBody = z.strictObject({ published: z.boolean() });

/** The .ics file's text inside JSON, so the same CSRF-checked JSON path serves browsers and scripts. */
export const importCalendarBody = z.strictObject({ ics: z.string().min(1).max(CALENDAR_LIMITS.importMaxChars) });

export const workingDaysBody = z.strictObject({
  from: calendarDate,
  days: z.number().int().min(0).max(CALENDAR_LIMITS.workingDaysMax),
});
