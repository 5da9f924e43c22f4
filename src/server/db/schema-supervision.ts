import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

// Supervision's tables (migration 0011). The health columns live on `tasks` (schema-tasks.ts).

/** A task whose health must be recomputed by the next incremental sweep (one row per task). */
export interface HealthQueueTable {
  task_id: number;
  queued_at: Timestamp;
}

/** A named periodic job's progress and lease (`health_full`, `digest`, …). */
export interface JobRunTable {
  name: string;
  /** The last local day the job completed. */
  last_day: string | null;
  /** Where an interrupted run resumes (job-specific text). */
  cursor: string | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  updated_at: Timestamp | null;
}

/**
 * One action of the escalation ladder or of a supervisor (reminder, urge 催办, notice 督办单,
 * interview proposal 约谈, accountability proposal 问责). Unique on (task_id, occurrence_key): the
 * ladder's keys are `${ruleId}:${anchor}`, a supervisor's `manual:${uuid}`.
 */
export interface SupervisionActionTable {
  id: Generated<number>;
  task_id: number;
  kind: 'reminder' | 'urge' | 'notice' | 'interview_proposal' | 'accountability_proposal';
  origin: 'ladder' | 'manual';
  rule_id: string | null;
  occurrence_key: string;
  trigger: string | null;
  due_on: string | null;
  /** Working days from the trigger's anchor to the firing day (negative before a deadline). */
  working_days: number | null;
  /** The unit addressed (the lead unit, unless a supervisor chose another). */
  unit_id: number | null;
  message: string | null;
  /** JSON array of the user ids notified. */
  recipients: string;
  notice_id: number | null;
  actor_user_id: number | null;
  created_at: Timestamp;
}

/** The last number issued in a numbered series per year (`督` → 督〔2026〕15号). */
export interface DocCounterTable {
  series: string;
  year: number;
  last: number;
}

/** A supervision notice (督办单) to a unit, answered in writing by a date. */
export interface SupervisionNoticeTable {
  id: Generated<number>;
  year: number;
  seq: number;
  /** `督〔2026〕15号`. */
  number: string;
  task_id: number;
  unit_id: number;
  /** JSON array of unit ids copied (抄送). */
  cc_unit_ids: string;
  action_id: number | null;
  matter: string;
  requirements: string;
  response_due: string;
  status: 'issued' | 'responded' | 'accepted' | 'returned';
  response: string | null;
  responded_at: Timestamp | null;
  responded_by: number | null;
  review_comment: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  /** Null when the ladder issued it. */
  issued_by: number | null;
  issued_at: Timestamp;
  version: number;
}

/** An extension request (延期申请) by the lead unit. */
export interface ExtensionRequestTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  reason: string;
  progress: number;
  progress_note: string | null;
  deadline_at_request: string;
  proposed_deadline: string;
  status: 'pending_supervisor' | 'pending_leader' | 'approved' | 'rejected' | 'withdrawn';
  /** 0/1: the responsible leader must approve too (key tasks, by setting). */
  needs_leader: number;
  /** 0/1: filed after the deadline it asks to move (allowed by setting, shown to approvers). */
  filed_late: Generated<number>;
  decision_comment: string | null;
  supervisor_decided_by: number | null;
  supervisor_decided_at: Timestamp | null;
  leader_decided_by: number | null;
  leader_decided_at: Timestamp | null;
  requested_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** Every change of a task's deadline, with the extension that caused it. */
export interface DeadlineChangeTable {
  id: Generated<number>;
  task_id: number;
  from_deadline: string | null;
  to_deadline: string | null;
  extension_id: number | null;
  reason: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
}

/** A coordination request (需协调事项) from one unit to another unit or a leader. */
export interface CoordinationRequestTable {
  id: Generated<number>;
  task_id: number;
  from_unit_id: number;
  to_unit_id: number | null;
  to_leader_id: number | null;
  matter: string;
  due_date: string;
  status: 'open' | 'accepted' | 'declined' | 'passed_on' | 'escalated' | 'fulfilled' | 'withdrawn';
  commitment_date: string | null;
  response: string | null;
  responded_by: number | null;
  responded_at: Timestamp | null;
  /** Times declined or passed on along the chain (推诿扯皮 indicator). */
  bounce_count: number;
  /** The request this one was passed on from. */
  previous_id: number | null;
  escalated_to_id: number | null;
  escalated_at: Timestamp | null;
  fulfilled_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** A leader's instruction (批示). */
export interface InstructionTable {
  id: Generated<number>;
  leader_id: number;
  body: string;
  respond_by: string;
  created_at: Timestamp;
}

/** One task an instruction is on, and the responsible unit's answer. */
export interface InstructionTargetTable {
  instruction_id: number;
  task_id: number;
  unit_id: number | null;
  response: string | null;
  responded_at: Timestamp | null;
  responded_by: number | null;
}

/** A person's notification preferences (absent row = defaults). */
export interface NotificationPrefsTable {
  user_id: number;
  /** zh-CN | zh-TW | en; null = the organisation's default. */
  locale: string | null;
  email_enabled: number;
  digest_enabled: number;
  /** JSON array of notification kinds not sent by email. */
  muted_kinds: string;
  updated_at: Timestamp;
  version: number;
}

/** A webhook (generic signed JSON, WeCom, DingTalk or Feishu group robot). */
export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  format: 'generic' | 'wecom' | 'dingtalk' | 'feishu';
  secret: string | null;
  /** JSON array of notification kinds; empty = all. */
  kinds: string;
  locale: string;
  enabled: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** One email or webhook call waiting to be sent, or its log once sent or given up. */
export interface DeliveryTable {
  id: Generated<number>;
  channel: 'email' | 'webhook' | 'digest';
  dedupe_key: string | null;
  user_id: number | null;
  webhook_id: number | null;
  notification_id: number | null;
  target: string;
  subject: string | null;
  payload: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  last_error: string | null;
  last_status: number | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface SupervisionTables {
  health_queue: HealthQueueTable;
  job_runs: JobRunTable;
  supervision_actions: SupervisionActionTable;
  doc_counters: DocCounterTable;
  supervision_notices: SupervisionNoticeTable;
  extension_requests: ExtensionRequestTable;
  deadline_changes: DeadlineChangeTable;
  coordination_requests: CoordinationRequestTable;
  instructions: InstructionTable;
  instruction_targets: InstructionTargetTable;
  notification_prefs: NotificationPrefsTable;
  webhooks: WebhookTable;
  deliveries: DeliveryTable;
}
