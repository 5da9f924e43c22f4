import type { Generated } from 'kysely';

type Timestamp = string;

export interface SourceTable {
  id: Generated<number>;
  kind: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  /** `YYYY-MM-DD`. */
  issued_on: string | null;
  full_text: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** SHA-256 of the normalised text it was imported from (migration 0012), or null. */
  content_hash: Generated<string | null>;
}

/** A task created by an import, under its key within the source (序号 or item path), migration 0012. */
export interface ImportKeyTable {
  source_id: number;
  row_key: string;
  task_id: number;
}

export interface TaskTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialised path of task ids, `/12/40/`; a subtree is a prefix range (tasks_path_idx). */
  path: string;
  depth: number;
  year: number;
  seq: number;
  /** Human number, `2026-0137`. */
  number: string;
  title: string;
  description: string | null;
  source_id: number | null;
  category: string | null;
  /** JSON array of strings. */
  tags: string;
  /** 0/1 (integers on both dialects). */
  is_key: number;
  priority: string;
  is_public: number;
  lead_unit_id: number | null;
  /** The lead unit's materialised path, copied here so "tasks led under this unit" is a range. */
  lead_unit_path: string | null;
  responsible_leader_id: number | null;
  responsible_person_id: number | null;
  start_date: string | null;
  deadline: string | null;
  /** The deadline as first set; extensions move `deadline` only (migration 0011). */
  original_deadline: Generated<string | null>;
  deadline_working_days: number | null;
  weight: number;
  progress: number;
  child_count: number;
  status: string;
  suspended_from: string | null;
  assigned_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The local day of closed_at (migration 0014), for "closed on time" in the cockpit's summaries. */
  closed_on: Generated<string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** Health, written by the sweep only (src/server/supervision/health.service.ts): null when not open. */
  health_light: Generated<string | null>;
  /** Bits: 1 overdue, 2 stalled, 4 report_missing, 8 unacknowledged. */
  health_flags: Generated<number>;
  /** JSON array of HealthReason (src/domain/task-health.ts). */
  health_reasons: Generated<string>;
  health_expected: Generated<number | null>;
  health_forecast: Generated<string | null>;
  /** The local day the health was last assessed. */
  health_on: Generated<string | null>;
  /** `task` or `rectification` (整改, migration 0013; details in `rectifications`). */
  kind: Generated<string>;
}

/** The columns only the health sweep writes (and the deadline as first set). */
export type TaskHealthColumn =
  | 'health_light'
  | 'health_flags'
  | 'health_reasons'
  | 'health_expected'
  | 'health_forecast'
  | 'health_on';

export interface TaskUnitTable {
  task_id: number;
  unit_id: number;
  role: 'lead' | 'cooperating';
  /** The unit's materialised path, copied for subtree filters (task_units_path_idx). */
  unit_path: string;
  part: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
  /** Copies of the task's status, deadline and updated_at, kept equal by triggers (migration 0006). */
  status: Generated<string>;
  deadline: Generated<string | null>;
  updated_at: Generated<Timestamp>;
}

export interface TaskEventTable {
  id: Generated<number>;
  task_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  /** JSON object with the event's particulars (message, number, dates), or null. */
  detail: Generated<string | null>;
}

export interface TaskCounterTable {
  year: number;
  last_seq: number;
}

/** Tables added by the tasks feature. */
export interface TaskTables {
  sources: SourceTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  task_events: TaskEventTable;
  task_counters: TaskCounterTable;
  import_keys: ImportKeyTable;
}
