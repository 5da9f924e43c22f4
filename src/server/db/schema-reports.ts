import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** A task's own reporting cycle (migration 0009); tasks without one follow the reports setting. */
export interface ReportCycleTable {
  task_id: number;
  /** none | weekly | biweekly | monthly | quarterly | custom */
  kind: string;
  /** JSON array of `YYYY-MM-DD` period end dates (custom cycles). */
  custom_dates: string;
  anchor_date: string | null;
  version: number;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** When a task's next reporting period ends: the slot job's work list. */
export interface ReportScheduleTable {
  task_id: number;
  /** `YYYY-MM-DD`; '' = recompute from today; '9999-12-31' = parked (no cycle, or task not open). */
  next_period_end: string;
}

/** How far the slot job has read the task history (one row, id 1). */
export interface ReportSlotCursorTable {
  id: number;
  last_event_id: number;
}

/** A report slot: one unit's report for one period of one task. */
export interface ReportPeriodTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  role: 'lead' | 'cooperating';
  period_start: string;
  period_end: string;
  due_date: string;
  /** 0/1: looked at by the slot job after the due date (missing reports notified once). */
  due_checked: Generated<number>;
}

/** A progress report (进展反馈), one per slot. */
export interface ReportTable {
  id: Generated<number>;
  period_id: number;
  task_id: number;
  unit_id: number;
  role: 'lead' | 'cooperating';
  /** Copied from the slot, for "the same unit's reports of this period" (reports_unit_period_idx). */
  period_end: string;
  /** draft | pending_head | pending_supervisor | accepted | returned */
  status: string;
  done_text: string;
  problems: string;
  next_steps: string;
  coordination: string;
  percent: number | null;
  /** JSON object: plan target id → current value. */
  target_values: string;
  /** JSON array of plan milestone ids. */
  milestones_done: string;
  explanation: string | null;
  /** What the public page shows once the report is accepted (migration 0015); null when none. */
  public_summary: Generated<string | null>;
  /** Normalised text length at the last submission (similarity candidates are filtered by it). */
  norm_length: number | null;
  similarity: number | null;
  similar_report_id: number | null;
  submitted_at: Timestamp | null;
  late_working_days: number | null;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** One step of a report's review, with the content as submitted on submissions. */
export interface ReportRoundTable {
  id: Generated<number>;
  report_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  reason: string | null;
  /** JSON ReportContent (src/shared/reports-api.ts) on submissions; null otherwise. */
  snapshot: string | null;
}

/** A task's reporting state: the stalled mark (半途而废 risk) and what it is computed from. */
export interface TaskReportStateTable {
  task_id: number;
  /** 0/1. */
  stalled: number;
  stalled_since: Timestamp | null;
  last_percent: number | null;
  last_report_at: Timestamp | null;
  change_period_end: string | null;
}

/** Tables added by reporting. */
export interface ReportTables {
  report_cycles: ReportCycleTable;
  report_schedules: ReportScheduleTable;
  report_slot_cursor: ReportSlotCursorTable;
  report_periods: ReportPeriodTable;
  reports: ReportTable;
  report_rounds: ReportRoundTable;
  task_report_state: TaskReportStateTable;
}
