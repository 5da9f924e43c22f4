import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** One version of a task's plan (办理方案), migration 0008. */
export interface PlanTable {
  id: Generated<number>;
  task_id: number;
  /** 1, 2, 3… per task; a revision of an accepted plan is the next number. */
  version_no: number;
  /** draft | pending_head | pending_supervisor | accepted | returned | superseded */
  status: string;
  /** JSON: the lead unit's content (PlanContent in src/shared/plans-api.ts). */
  content: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  version: number;
}

/** A cooperating unit's part of one plan version. */
export interface PlanPartTable {
  plan_id: number;
  unit_id: number;
  /** JSON: PlanPartContent. */
  content: string;
  updated_by: number | null;
  updated_at: Timestamp;
  version: number;
}

/** One step of a plan version's review: submit, approve, return, accept, revise. */
export interface PlanRoundTable {
  id: Generated<number>;
  plan_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  reason: string | null;
  /** JSON PlanSnapshot on submissions and revisions; null otherwise. */
  snapshot: string | null;
}

/** Tables added by plans. */
export interface PlanTables {
  plans: PlanTable;
  plan_parts: PlanPartTable;
  plan_rounds: PlanRoundTable;
}
