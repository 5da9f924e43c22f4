/** The stable error codes the API answers with; the web maps each to a translated message. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'route_not_found',
  'version_conflict',
  'username_taken',
  'unit_name_taken',
  'unit_move_cycle',
  'unit_archived',
  'unit_has_active_children',
  'unit_not_found',
  'cannot_deactivate_self',
  'last_admin',
  'wrong_password',
  'source_in_use',
  'illegal_transition',
  'reason_required',
  'deadline_after_parent',
  'deadline_before_subtasks',
  'task_move_cycle',
  'responsible_person_not_in_unit',
  'responsible_leader_invalid',
  'task_not_leaf',
  'task_not_open',
  'task_not_draft',
  'lead_unit_required',
  'source_not_found',
  'bulk_item_failed',
  'invalid_cursor',
  'start_after_deadline',
  'cooperating_unit_is_lead',
  'calendar_day_not_found',
  'calendar_file_invalid',
  'calendar_file_empty',
  'plan_task_inactive',
  'plan_action_illegal',
  'plan_not_editable',
  'plan_content_invalid',
  'plan_not_accepted',
  'closure_application_required',
  'children_open',
  'closure_action_illegal',
  'closure_not_editable',
  'closure_task_inactive',
  'closure_evidence_required',
  'closure_targets_incomplete',
  'closure_target_unknown',
  'file_required',
  'file_too_large',
  'file_type_not_allowed',
  'file_in_use',
  'evidence_file_not_found',
  'evidence_file_other_task',
  'report_action_illegal',
  'report_not_editable',
  'report_incomplete',
  'unknown_plan_item',
  'milestone_evidence_required',
  'explanation_required',
  'supervision_action_illegal',
  'notice_response_required',
  'extension_limit_reached',
  'extension_after_deadline',
  'extension_date_invalid',
  'extension_pending_exists',
  'coordination_target_invalid',
  'date_in_past',
  'ladder_rules_invalid',
  'webhook_url_invalid',
  'spreadsheet_invalid',
  'spreadsheet_unreadable',
  'export_too_large',
  'import_duplicate',
  'import_item_failed',
  'import_file_unreadable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error answer (`application/problem+json`, RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  field?: string;
  errors?: Array<{ field: string; code: string; detail: string }>;
  requestId?: string;
  /** With illegal_transition: the actions possible from the current status. */
  allowed?: string[];
  /** With version_conflict on tasks: the current state, so the client can show what changed. */
  current?: unknown;
}
