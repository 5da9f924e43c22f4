import type { AssessmentRole } from '../shared/assessment-api.js';

// The facts an assessment period is scored from, as the facts repository gathers them: plain data
// with local dates (`YYYY-MM-DD`), no rows and no I/O, so the scoring is pure and testable by hand.
// Every fact carries the id of the record it came from, which becomes the explanation's reference.

/** A unit's part in a task. */
export interface TaskUnitFact {
  unitId: number;
  role: AssessmentRole;
}

/** An approved extension (延期) and the day its final approval was given. */
export interface ExtensionFact {
  id: number;
  unitId: number;
  decidedOn: string;
}

/** One task of the period, with what is needed to judge its completion, lateness and light. */
export interface TaskFact {
  taskId: number;
  units: readonly TaskUnitFact[];
  status: string;
  assignedOn: string | null;
  /** The current deadline (moved by approved extensions and by supervisors' edits). */
  deadline: string | null;
  /** The deadline as first set at assignment. */
  originalDeadline: string | null;
  /** The local day the task was closed (done), when it is closed. */
  closedOn: string | null;
  /** green | amber | red while open; null otherwise. */
  light: string | null;
  /** The day the light was last assessed. */
  lightOn: string | null;
  extensions: readonly ExtensionFact[];
  /** The first plan's id and the day a plan was first accepted; null when the task has no plan. */
  plan: { planId: number; acceptedOn: string | null } | null;
}

/** A report slot (one unit, one reporting period) and its report, if submitted. */
export interface ReportSlotFact {
  slotId: number;
  taskId: number;
  unitId: number;
  dueDate: string;
  reportId: number | null;
  submittedOn: string | null;
  lateWorkingDays: number | null;
}

/** Something that happened to one unit on one task on a day (returns, duplicates, urges, …). */
export interface UnitEventFact {
  kind: 'report_returned' | 'report_duplicate' | 'urge' | 'notice' | 'coordination_declined';
  taskId: number;
  unitId: number;
  on: string;
  refId: number;
  detail?: Record<string, unknown>;
}

/** An instruction (批示) on a task for a unit (null = the lead unit) and its answer. */
export interface InstructionFact {
  instructionId: number;
  taskId: number;
  unitId: number | null;
  respondBy: string;
  respondedOn: string | null;
}

/** A quality rating (1–5) of one unit's work on a task by one rater. */
export interface RatingFact {
  id: number;
  taskId: number;
  unitId: number;
  rating: number;
  on: string;
}

/** Everything a period is scored from. */
export interface PeriodFacts {
  tasks: readonly TaskFact[];
  reportSlots: readonly ReportSlotFact[];
  events: readonly UnitEventFact[];
  instructions: readonly InstructionFact[];
  ratings: readonly RatingFact[];
}

/** The period's dates and the day the computation runs (an ongoing period is judged up to today). */
export interface ScoringWindow {
  startsOn: string;
  endsOn: string;
  today: string;
}
