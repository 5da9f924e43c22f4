import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

// Implementation reports' tables (migration 0016).

/** A schedule that generates a status report and emails it (settings). */
export interface StatusReportScheduleTable {
  id: Generated<number>;
  name: string;
  /** Exactly one of source and period is set. */
  source_id: number | null;
  period_id: number | null;
  /** weekly | monthly */
  frequency: string;
  /** ISO weekday 1 (Monday) … 7, weekly schedules. */
  weekday: number;
  /** 1 … 28, monthly schedules. */
  day_of_month: number;
  /** The local hour it goes out. */
  hour: number;
  /** JSON array of docx | pdf | xlsx. */
  formats: string;
  /** JSON array of user ids. */
  recipient_ids: string;
  /** The person whose scope the report uses. */
  owner_id: number;
  /** 0/1. */
  enabled: number;
  last_run_at: Timestamp | null;
  next_run_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** One run of a schedule: when, for which window, to whom, and how it went. */
export interface StatusReportRunTable {
  id: Generated<number>;
  schedule_id: number;
  /** The due time answered (unique with the schedule); null for "send now". */
  due_at: Timestamp | null;
  /** schedule | manual */
  trigger: string;
  ran_at: Timestamp;
  window_from: string;
  window_to: string;
  items: number;
  /** JSON array of { id, name, email }. */
  recipients: string;
  /** queued | failed */
  outcome: string;
  error: string | null;
  run_by: number | null;
}

/** Tables added by implementation reports. */
export interface StatusReportTables {
  status_report_schedules: StatusReportScheduleTable;
  status_report_runs: StatusReportRunTable;
}
