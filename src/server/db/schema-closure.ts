import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** One line in a person's in-app inbox (migration 0010). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** One of NOTIFICATION_KINDS (src/shared/notifications-api.ts). */
  kind: string;
  task_id: number | null;
  /** What the notification is about, beyond the task: `plan`, `report`, `closure`, … */
  subject_type: string | null;
  subject_id: number | null;
  /** JSON object: values the display text fills in (reason, period, …). */
  params: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** A lead unit's application to close a task (申请办结), migration 0010. */
export interface ClosureApplicationTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  /** draft | pending_head | pending_supervisor | pending_leader | accepted | returned */
  status: string;
  summary: string;
  /** JSON array of `{ targetId, achieved, comment }` against the accepted plan's targets. */
  target_results: string;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
}

/** One step of a closure application's review (submitted, approved, returned, accepted…). */
export interface ClosureRoundTable {
  id: Generated<number>;
  application_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  reason: string | null;
  /** JSON: the application's content as it stood at this step. */
  snapshot: string | null;
}

/** Tables added by closure and notifications. */
export interface ClosureTables {
  notifications: NotificationTable;
  closure_applications: ClosureApplicationTable;
  closure_rounds: ClosureRoundTable;
}
