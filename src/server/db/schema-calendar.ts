import type { CalendarDayKind, CalendarSource } from '../../shared/calendar.js';
import type { Timestamp } from './schema.js';

/** One date that differs from "Monday to Friday are working days" (migration 0005). */
export interface CalendarDayTable {
  /** `YYYY-MM-DD`; text on both dialects, so lexical order is date order. */
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarSource;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** Small named settings, each a JSON object with an optimistic version (migration 0005). */
export interface SettingTable {
  key: string;
  /** JSON object. */
  value: string;
  updated_at: Timestamp;
  updated_by: number | null;
  version: number;
}

/** Tables added by the calendar feature. */
export interface CalendarTables {
  calendar_days: CalendarDayTable;
  settings: SettingTable;
}
