import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type Locale, pickLocale } from '../shared/locales.js';
import type { ErrorCode, Problem } from '../shared/problem.js';
import { errorDetail, fieldMessage } from './i18n/messages.js';

/** HTTP status of every error code: the one table. */
const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  route_not_found: 404,
  unit_not_found: 422,
  version_conflict: 409,
  username_taken: 409,
  unit_name_taken: 409,
  unit_has_active_children: 409,
  cannot_deactivate_self: 409,
  last_admin: 409,
  unit_move_cycle: 422,
  unit_archived: 422,
  wrong_password: 422,
  source_in_use: 409,
  illegal_transition: 409,
  reason_required: 422,
  deadline_after_parent: 422,
  deadline_before_subtasks: 422,
  task_move_cycle: 422,
  responsible_person_not_in_unit: 422,
  responsible_leader_invalid: 422,
  task_not_leaf: 409,
  task_not_open: 409,
  task_not_draft: 409,
  lead_unit_required: 422,
  source_not_found: 422,
  bulk_item_failed: 422,
  invalid_cursor: 400,
  start_after_deadline: 422,
  cooperating_unit_is_lead: 422,
  calendar_day_not_found: 404,
  calendar_file_invalid: 422,
  calendar_file_empty: 422,
  plan_task_inactive: 409,
  plan_action_illegal: 409,
  plan_not_editable: 409,
  plan_content_invalid: 422,
  plan_not_accepted: 409,
  closure_application_required: 409,
  children_open: 409,
  closure_action_illegal: 409,
  closure_not_editable: 409,
  closure_task_inactive: 409,
  closure_evidence_required: 422,
  closure_targets_incomplete: 422,
  closure_target_unknown: 422,
  file_required: 400,
  file_too_large: 413,
  file_type_not_allowed: 415,
  file_in_use: 409,
  evidence_file_not_found: 422,
  evidence_file_other_task: 422,
  report_action_illegal: 409,
  report_not_editable: 409,
  report_incomplete: 422,
  unknown_plan_item: 422,
  milestone_evidence_required: 422,
  explanation_required: 422,
  supervision_action_illegal: 409,
  notice_response_required: 422,
  extension_limit_reached: 409,
  extension_after_deadline: 422,
  extension_date_invalid: 422,
  extension_pending_exists: 409,
  coordination_target_invalid: 422,
  date_in_past: 422,
  ladder_rules_invalid: 422,
  webhook_url_invalid: 422,
  spreadsheet_invalid: 422,
  spreadsheet_unreadable: 415,
  export_too_large: 422,
  import_duplicate: 409,
  import_item_failed: 422,
  import_file_unreadable: 415,
  period_frozen: 409,
  period_dates_invalid: 422,
  scheme_invalid: 422,
  period_not_computed: 409,
  review_reason_required: 422,
  review_reason_unknown: 422,
  rectification_evidence_required: 422,
  rectification_action_illegal: 409,
  case_action_illegal: 409,
  bulletin_not_editable: 409,
  accountability_action_illegal: 409,
  accountability_subject_required: 422,
  rating_rate_limited: 429,
  status_report_window_too_long: 422,
  internal_error: 500,
};

/** The one error type services throw; the handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    /** Extra members of the problem body, e.g. `allowed` actions or the `current` state on a conflict. */
    readonly extra?: Pick<Problem, 'allowed' | 'current' | 'errors'>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export interface FieldProblem {
  field: string;
  code: string;
  detail: string;
}

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Translates one zod issue (as fastify-type-provider-zod reports it) into field problems. */
function describeIssue(locale: Locale, issue: ZodLikeIssue, context: string): FieldProblem[] {
  const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const p = issue.params;
  const at = (field: string) => field || context;
  switch (issue.keyword) {
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      return keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        code: 'unknown_field',
        detail: fieldMessage(locale, 'unknownField'),
      }));
    }
    case 'invalid_type': {
      const missing = issue.message?.includes('received undefined');
      return [
        {
          field: at(base),
          code: missing ? 'required' : 'invalid_type',
          detail: missing
            ? fieldMessage(locale, 'required')
            : fieldMessage(locale, 'type', { expected: String(p.expected) }),
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const origin = String(p.origin ?? '');
      const small = issue.keyword === 'too_small';
      const key =
        origin === 'string'
          ? small
            ? 'tooShortString'
            : 'tooLongString'
          : origin === 'array' || origin === 'set'
            ? small
              ? 'tooFewItems'
              : 'tooManyItems'
            : small
              ? 'tooSmallNumber'
              : 'tooBigNumber';
      const detail = fieldMessage(locale, key, {
        minimum: String(p.minimum ?? ''),
        maximum: String(p.maximum ?? ''),
      });
      return [{ field: at(base), code: issue.keyword, detail }];
    }
    case 'invalid_format':
      return [{ field: at(base), code: 'invalid_format', detail: fieldMessage(locale, 'format') }];
    case 'invalid_value':
      return [{ field: at(base), code: 'invalid_value', detail: fieldMessage(locale, 'value') }];
    case 'custom':
      // text() refuses blank strings with the message 'required': say so rather than "invalid".
      if (issue.message === 'required') {
        return [{ field: at(base), code: 'required', detail: fieldMessage(locale, 'required') }];
      }
      return [{ field: at(base), code: 'custom', detail: fieldMessage(locale, 'invalid') }];
    default:
      return [{ field: at(base), code: issue.keyword, detail: fieldMessage(locale, 'invalid') }];
  }
}

/** The caller's language, from Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number>,
  extra: Partial<Problem> = {},
) {
  const locale = requestLocale(request);
  const status = STATUS[code];
  const body: Problem = {
    type: `https://luoshi.dev/problems/${code.replace(/_/g, '-')}`,
    title: code,
    status,
    code,
    detail: errorDetail(locale, code, { ...params, requestId: request.id }),
    ...extra,
    requestId: request.id,
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/**
 * Fastify's own early refusals (a malformed URL) in the same problem+json shape. They come before
 * any hook runs, so the request id header is set here.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  void send(reply, request, 'validation_failed', { summary: error.message });
}

/** Installs the one error handler and the not-found handler. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, error.code, error.params, {
        ...(error.field ? { field: error.field } : {}),
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = requestLocale(request);
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const errors = error.validation.flatMap((issue) => describeIssue(locale, issue as ZodLikeIssue, context));
      const summary = errors.map((e) => `${e.field} ${e.detail}`).join(locale === 'en' ? '; ' : '；');
      return send(reply, request, 'validation_failed', { summary }, { field: errors[0]?.field, errors });
    }
    const fastifyCode = (error as FastifyError).code;
    if (
      fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (error instanceof SyntaxError && error.message.includes('JSON'))
    ) {
      return send(reply, request, 'invalid_json', {});
    }
    if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(reply, request, 'invalid_json', {});
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, request, 'payload_too_large', {
        limit: request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0,
      });
    }
    if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, request, 'unsupported_media_type', {});
    const statusCode = (error as FastifyError).statusCode ?? 500;
    if (statusCode === 429) return send(reply, request, 'too_many_attempts', { minutes: 1 });
    if (statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(reply, request, 'validation_failed', { summary: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'internal_error', {});
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 'route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' }),
  );
}
