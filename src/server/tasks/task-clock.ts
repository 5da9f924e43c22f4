import { localDate } from '../../domain/dates.js';
import { addWorkingDays, type WorkingCalendar } from '../../domain/working-days.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import type { Executor } from '../db/connect.js';
import { getTaskSettings } from '../settings/task-settings.service.js';

/** "Today" and working-day arithmetic for one request: the calendar and settings are read once. */
export interface TaskClock {
  today: string;
  calendar: WorkingCalendar;
  acknowledgeWorkingDays: number;
}

/** Builds the clock for a request (the calendar service caches the calendar briefly). */
export async function taskClock(db: Executor, config: Config): Promise<TaskClock> {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(db), getTaskSettings(db)]);
  return {
    today: localDate(new Date(), config.timeZone),
    calendar,
    acknowledgeWorkingDays: settings.acknowledgeWorkingDays,
  };
}

/** The date by which an assigned task must be acknowledged. */
export function acknowledgeBy(clock: TaskClock, assignedAt: string, timeZone: string): string {
  return addWorkingDays(clock.calendar, localDate(new Date(assignedAt), timeZone), clock.acknowledgeWorkingDays);
}
