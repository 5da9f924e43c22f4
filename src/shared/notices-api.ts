import { z } from 'zod';
import { dateString } from './task-api.js';
import { TASK_STATUSES } from './tasks.js';

// The supervision notices API (督办单, issue 5 item 3): numbered per year (督〔2026〕15号), addressed
// to a unit with copies to others, answered in writing by a date, the answer accepted or returned by
// the supervision office. The server validates and documents with these shapes; the web takes its
// types from them (type-only imports).

export const NOTICE_LIMITS = {
  matterMax: 4000,
  requirementsMax: 4000,
  responseMax: 20000,
  reasonMax: 2000,
  /** Tasks one request may issue notices on. */
  tasksMax: 200,
  ccUnitsMax: 50,
} as const;

/** issued → responded → accepted, or → returned → responded again. */
export const NOTICE_STATUSES = ['issued', 'responded', 'accepted', 'returned'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What a caller may do to a notice now. */
export const NOTICE_ACTIONS = ['respond', 'accept', 'return'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** The series letter of supervision notices' numbers. */
export const NOTICE_SERIES = '督';

const id = z.number().int().positive().max(2147483647);

/** `POST /notices`: one notice per task, to its lead unit; omitted texts and date are generated. */
export const issueNoticesBody = z.strictObject({
  taskIds: z.array(id).min(1).max(NOTICE_LIMITS.tasksMax),
  matter: z.string().max(NOTICE_LIMITS.matterMax).optional(),
  requirements: z.string().max(NOTICE_LIMITS.requirementsMax).optional(),
  responseDue: dateString.optional(),
  ccUnitIds: z.array(id).max(NOTICE_LIMITS.ccUnitsMax).default([]),
});

/** `POST /notices/:id/respond`: the addressed unit's written response. */
export const respondNoticeBody = z.strictObject({
  response: z.string().max(NOTICE_LIMITS.responseMax),
  version: z.number().int().positive(),
});

/** `POST /notices/:id/accept` (reason optional: a comment) and `/return` (reason required). */
export const reviewNoticeBody = z.strictObject({
  reason: z.string().max(NOTICE_LIMITS.reasonMax).nullable().optional(),
  version: z.number().int().positive(),
});

export const noticesQuery = z.strictObject({
  status: z.enum(NOTICE_STATUSES).optional(),
  taskId: z.coerce.number().int().positive().max(2147483647).optional(),
  unitId: z.coerce.number().int().positive().max(2147483647).optional(),
  /** Only notices whose response is past due (issued or returned, due before today). */
  overdue: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const noticeSchema = z
  .object({
    id: z.number().int(),
    /** `督〔2026〕15号`. */
    number: z.string(),
    year: z.number().int(),
    seq: z.number().int(),
    status: z.enum(NOTICE_STATUSES),
    task: z.object({
      id: z.number().int(),
      number: z.string(),
      title: z.string(),
      status: z.enum(TASK_STATUSES),
      deadline: dateString.nullable(),
      progress: z.number(),
      isKey: z.boolean(),
    }),
    unit: unitRef,
    ccUnits: z.array(unitRef),
    matter: z.string(),
    requirements: z.string(),
    responseDue: dateString,
    /** Waiting for the unit's response past the due date. */
    overdue: z.boolean(),
    response: z.string().nullable(),
    respondedAt: z.string().nullable(),
    respondedBy: personRef.nullable(),
    reviewComment: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedBy: personRef.nullable(),
    /** Null when the escalation ladder issued it. */
    issuedBy: personRef.nullable(),
    /** Whose letterhead it bears (the root unit of the issuer's organisation), when known. */
    organisation: z.string().nullable(),
    issuedAt: z.string(),
    /** The supervision action (ladder rung or a supervisor's) that issued it. */
    actionId: z.number().int().nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(NOTICE_ACTIONS)),
  })
  .describe('Supervision notice (督办单)');
export type Notice = z.infer<typeof noticeSchema>;

export const noticePageSchema = z.object({ items: z.array(noticeSchema), nextCursor: z.string().nullable() });
export const noticeListSchema = z.object({ items: z.array(noticeSchema) });

/** `GET /tasks/:id/notice-draft`: what a notice on the task would say by default. */
export const noticeDraftSchema = z.object({
  unit: unitRef.nullable(),
  matter: z.string(),
  requirements: z.string(),
  responseDue: dateString,
});
export type NoticeDraft = z.infer<typeof noticeDraftSchema>;
