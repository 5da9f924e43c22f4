import { buildWorkingCalendar, type WorkingCalendar } from '../../domain/working-days.js';
import type { Database, Executor } from '../db/connect.js';
import { listAllCalendarDays } from './calendar.repository.js';
import { readCalendarState } from './calendar-state.js';

/**
 * How long a node trusts its cached calendar before asking the database whether it changed. A
 * write on this node clears the cache at once; a write on another node (several nodes share one
 * PostgreSQL database) is seen here within this time: the check is a one-row read of the
 * calendar's revision, and the days are only read again when the revision moved.
 */
export const CALENDAR_RECHECK_MS = 10_000;

interface CachedCalendar {
  revision: number;
  calendar: WorkingCalendar;
  checkedAt: number;
}

/** Per database handle, so test apps (and a CLI next to a server) never see each other's calendar. */
const cache = new WeakMap<Database, CachedCalendar>();

async function readWorkingCalendar(db: Executor): Promise<{ revision: number; calendar: WorkingCalendar }> {
  const state = await readCalendarState(db);
  const days = await listAllCalendarDays(db);
  return { revision: state.revision, calendar: buildWorkingCalendar(days, state.publishedYears) };
}

/**
 * The working calendar (holidays, make-up workdays, published years) for date calculations:
 * built once and cached, so list pages computing thousands of deadlines pay for one set lookup a
 * day. Inside a transaction it is read fresh, so a calculation sees the transaction's own writes.
 */
export async function loadWorkingCalendar(db: Executor, now: number = Date.now()): Promise<WorkingCalendar> {
  if (db.isTransaction) return (await readWorkingCalendar(db)).calendar;
  const root = db as Database;
  const cached = cache.get(root);
  if (cached && now - cached.checkedAt < CALENDAR_RECHECK_MS) return cached.calendar;
  if (cached && (await readCalendarState(root)).revision === cached.revision) {
    cached.checkedAt = now;
    return cached.calendar;
  }
  const fresh = await readWorkingCalendar(root);
  cache.set(root, { ...fresh, checkedAt: now });
  return fresh.calendar;
}

/** Drops this node's cached calendar; calendar writes call it once their transaction has committed. */
export function forgetWorkingCalendar(db: Database): void {
  cache.delete(db);
}
