/** Tables of the cockpit's summaries (migration 0014), all kept by triggers — never written by code. */

/** Every (unit, ancestor) pair; each unit is its own ancestor and 0 ("everything") is everyone's. */
export interface UnitClosureTable {
  unit_id: number;
  ancestor_id: number;
}

/** Task counts per ancestor of the lead unit and key (see the migration for each column's meaning). */
export interface TaskStatsTable {
  unit_id: number;
  /** '' for all tasks; otherwise the rows of tasks carrying this tag. */
  tag: string;
  is_key: number;
  /** `open` (assigned, in progress, returned: can be overdue), `closing` (closure requested), `closed`, `other`. */
  status_group: string;
  /** '' when the task has no light. */
  light: string;
  /** 1 for an open key task the sweep found stalled. */
  stalled: number;
  /** A key open task's progress against its expected progress, '' otherwise. */
  trajectory: string;
  /** `YYYY-MM` of the deadline of a task that can be overdue, '' otherwise. */
  due_month: string;
  /** `YYYY-MM` of the (local) closure day of a closed task, '' otherwise. */
  closed_month: string;
  on_time: number;
  n: number;
}

/** Open tasks per ancestor of the lead unit, tag, key flag, light and deadline month (for the bars and heat map). */
export interface TaskBarStatsTable {
  unit_id: number;
  tag: string;
  is_key: number;
  light: string;
  /** `YYYY-MM` of the deadline of a task that can be overdue (not one whose closure is requested), '' otherwise. */
  due_month: string;
  n: number;
}

/** Report slots per ancestor of the reporting unit, due date and outcome (`open`, `on_time`, `late`). */
export interface ReportSlotStatsTable {
  unit_id: number;
  due_date: string;
  outcome: string;
  n: number;
}

/** One day's headline figures of a unit's cockpit (unit 0: everything), JSON. */
export interface CockpitSnapshotTable {
  unit_id: number;
  day: string;
  figures: string;
  created_at: string;
}

export interface CockpitTables {
  unit_closure: UnitClosureTable;
  task_stats: TaskStatsTable;
  task_bar_stats: TaskBarStatsTable;
  report_slot_stats: ReportSlotStatsTable;
  cockpit_snapshots: CockpitSnapshotTable;
}
