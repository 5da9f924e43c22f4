import { localDate } from '../../domain/dates.js';
import type { Database } from '../db/connect.js';
import { openReportSlots } from './report-slots.service.js';

/**
 * The housekeeping job's entry: opens every report slot due by today (in the configured zone).
 * Thin on purpose: the rules are in report-slots.service.ts.
 */
export function openDueReportSlots(db: Database, timeZone: string): Promise<{ tasks: number; slots: number }> {
  return openReportSlots(db, localDate(new Date(), timeZone), { timeZone });
}
