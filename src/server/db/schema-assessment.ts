import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

// Closing the loop (migration 0013): assessment, review, rectification, cases, bulletins and
// accountability. `tasks.kind` is declared with the tasks (schema-tasks.ts).

/** An assessment period (考核期) over a selection of tasks, scored by its scheme. */
export interface AssessmentPeriodTable {
  id: Generated<number>;
  name: string;
  /** `YYYY-MM-DD`, inclusive. */
  starts_on: string;
  ends_on: string;
  /** JSON PeriodSelection (src/shared/assessment-api.ts). */
  selection: string;
  /** JSON ScoringScheme (src/shared/assessment-api.ts). */
  scheme: string;
  /** draft | frozen */
  status: string;
  /** The period before this one (trend, carried-over rectifications). */
  previous_period_id: number | null;
  computed_at: Timestamp | null;
  /** SHA-256 of the results as last computed (the frozen result's fingerprint in the audit trail). */
  computed_hash: string | null;
  frozen_at: Timestamp | null;
  frozen_by: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A task a period covers, with its outcome as last computed (done_on_time | done_late | not_done). */
export interface AssessmentTaskTable {
  period_id: number;
  task_id: number;
  outcome: string;
}

/** A unit's score as lead or cooperating unit; points and scores are hundredths. */
export interface AssessmentResultTable {
  period_id: number;
  unit_id: number;
  /** lead | cooperating */
  role: string;
  score: number;
  rank: number;
  task_count: number;
  /** JSON array of `{ ruleId, count, points }`. */
  breakdown: string;
}

/** One point or deduction with the fact that produced it. */
export interface AssessmentPointTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  role: string;
  task_id: number;
  rule_id: string;
  /** Hundredths of a point (negative for deductions). */
  points: number;
  occurred_on: string | null;
  /** event | report | report_period | action | notice | extension | coordination | instruction | rating | plan | task */
  ref_type: string | null;
  ref_id: number | null;
  /** JSON object with the fact's particulars (working days late, light, …), or null. */
  detail: string | null;
}

/** A quality rating (1–5) with a comment by a supervisor or leader. */
export interface AssessmentRatingTable {
  id: Generated<number>;
  period_id: number;
  task_id: number;
  unit_id: number;
  rater_id: number;
  rating: number;
  comment: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** 逐项分析: one task of a period, classified. */
export interface AssessmentReviewTable {
  period_id: number;
  task_id: number;
  /** done_on_time | done_late | not_done */
  outcome: string;
  /** A code from the reasons list (settings) when late or not done. */
  reason_code: string | null;
  explanation: string | null;
  /** Lessons and practices worth spreading (done tasks). */
  practices: string | null;
  /** 0/1. */
  exemplary_candidate: Generated<number>;
  reviewed_by: number | null;
  reviewed_at: Timestamp;
  version: Generated<number>;
}

/** 整改: the rectification details of a task of kind `rectification`. */
export interface RectificationTable {
  task_id: number;
  /** review | inspection | bulletin | case | accountability | other */
  origin_type: string;
  origin_id: number | null;
  /** The task the finding is about, when there is one. */
  origin_task_id: number | null;
  period_id: number | null;
  finding: string;
  measures: string;
  signed_off_at: Timestamp | null;
  signed_off_by: number | null;
  sign_off_comment: string | null;
}

/** 先进典型 / 反面典型. */
export interface CaseTable {
  id: Generated<number>;
  /** exemplary | negative */
  kind: string;
  title: string;
  summary: string;
  write_up: string;
  task_id: number | null;
  unit_id: number | null;
  period_id: number | null;
  /** draft | published | archived */
  status: Generated<string>;
  /** 0/1: an exemplary practice other units are asked to adopt. */
  to_spread: Generated<number>;
  published_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A unit's adoption of a practice to spread. */
export interface CaseAdoptionTable {
  case_id: number;
  unit_id: number;
  /** pending | planned | adopted | not_applicable */
  status: string;
  note: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** 通报. */
export interface BulletinTable {
  id: Generated<number>;
  period_id: number | null;
  /** The date the figures are as of (`YYYY-MM-DD`). */
  as_of: string;
  title: string;
  /** JSON BulletinContent (src/shared/bulletins-api.ts). */
  content: string;
  /** draft | issued */
  status: Generated<string>;
  year: number | null;
  seq: number | null;
  /** `督通〔2026〕3号` once issued. */
  number: string | null;
  issued_at: Timestamp | null;
  issued_by: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A unit a bulletin concerns: ranked | commended | criticised | overdue. */
export interface BulletinUnitTable {
  bulletin_id: number;
  unit_id: number;
  mention: string;
  read_at: Timestamp | null;
}

/** 问责. */
export interface AccountabilityRecordTable {
  id: Generated<number>;
  year: number;
  seq: number;
  /** `问〔2026〕2号`. */
  number: string;
  /** inaction | misconduct | ineffective | other */
  type: string;
  subject_unit_id: number | null;
  subject_user_id: number | null;
  /** proposed | open | responded | decided | dismissed */
  status: string;
  proposal: string;
  statement_due: string | null;
  statement: string | null;
  statement_at: Timestamp | null;
  statement_by: number | null;
  /** talk | written_review | circulated_criticism | admonishment | organisational | none */
  decision: string | null;
  decision_note: string | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  /** The ladder's accountability proposal that opened it (unique), or null. */
  action_id: number | null;
  opened_by: number | null;
  opened_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AccountabilityTaskTable {
  record_id: number;
  task_id: number;
}

/** event | notice | report | action | file, with a note. */
export interface AccountabilityEvidenceTable {
  id: Generated<number>;
  record_id: number;
  ref_type: string;
  ref_id: number;
  note: string | null;
  added_by: number | null;
  added_at: Timestamp;
}

export interface AssessmentTables {
  assessment_periods: AssessmentPeriodTable;
  assessment_tasks: AssessmentTaskTable;
  assessment_results: AssessmentResultTable;
  assessment_points: AssessmentPointTable;
  assessment_ratings: AssessmentRatingTable;
  assessment_reviews: AssessmentReviewTable;
  rectifications: RectificationTable;
  cases: CaseTable;
  case_adoptions: CaseAdoptionTable;
  bulletins: BulletinTable;
  bulletin_units: BulletinUnitTable;
  accountability_records: AccountabilityRecordTable;
  accountability_tasks: AccountabilityTaskTable;
  accountability_evidence: AccountabilityEvidenceTable;
}
