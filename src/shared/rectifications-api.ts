import { z } from 'zod';
import { HEALTH_LIGHTS } from './health-api.js';
import { dateString } from './task-api.js';
import { TASK_LIMITS, TASK_STATUSES } from './tasks.js';

// The rectification API (整改/销号, issue 7 item 4). A rectification is a task of kind
// `rectification` plus its row in `rectifications` (origin, finding, measures, sign-off): it is
// assigned to an owner unit like any task, so it gets the same inbox, health, ladder and reports.
// The server validates and documents with these shapes; the web takes its types from them.

export const RECTIFICATION_LIMITS = {
  findingMax: 4000,
  measuresMax: 4000,
  commentMax: 2000,
} as const;

/** Where a finding came from: a review row, an inspection, a bulletin, a case, an accountability record. */
export const RECTIFICATION_ORIGINS = ['review', 'inspection', 'bulletin', 'case', 'accountability', 'other'] as const;
export type RectificationOrigin = (typeof RECTIFICATION_ORIGINS)[number];

/**
 * open: being worked on (any status but closed or cancelled); signed_off: closed by the supervision
 * office's acceptance of the closure application (销号); cancelled: the task was cancelled.
 */
export const RECTIFICATION_STATES = ['open', 'signed_off', 'cancelled'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

const id = z.number().int().positive().max(2147483647);
const queryId = z.coerce.number().int().positive().max(2147483647);

function nonBlank(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });
}

/**
 * `POST /rectifications` (supervision): creates the task, assigns it to `leadUnitId` and records the
 * origin. `title` may be omitted when `originTaskId` is given: it becomes `整改：<origin task title>`.
 */
export const createRectificationBody = z.strictObject({
  title: nonBlank(TASK_LIMITS.titleMax).optional(),
  originType: z.enum(RECTIFICATION_ORIGINS),
  /** The bulletin, case or accountability record the finding comes from (required for `bulletin`). */
  originId: id.nullable().optional(),
  /** The task the finding is about (required for `review`). */
  originTaskId: id.nullable().optional(),
  /** The assessment period it was found in (required for `review`). */
  periodId: id.nullable().optional(),
  finding: nonBlank(RECTIFICATION_LIMITS.findingMax),
  measures: nonBlank(RECTIFICATION_LIMITS.measuresMax),
  leadUnitId: id,
  deadline: dateString,
  responsiblePersonId: id.nullable().optional(),
});
export type CreateRectificationInput = z.infer<typeof createRectificationBody>;

/** `GET /rectifications`: the items the caller may see, newest first. */
export const rectificationsQuery = z.strictObject({
  status: z.enum(RECTIFICATION_STATES).optional(),
  originType: z.enum(RECTIFICATION_ORIGINS).optional(),
  /** The owner (lead) unit. */
  unitId: queryId.optional(),
  periodId: queryId.optional(),
  /** Only open items past their deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const rectificationParams = z.strictObject({ taskId: queryId });

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });
const taskRef = z.object({ id: z.number().int(), number: z.string(), title: z.string() });

export const rectificationSchema = z
  .object({
    /** The rectification's own task (kind `rectification`). */
    taskId: z.number().int(),
    number: z.string(),
    title: z.string(),
    taskStatus: z.enum(TASK_STATUSES),
    state: z.enum(RECTIFICATION_STATES),
    leadUnit: unitRef.nullable(),
    responsiblePerson: personRef.nullable(),
    deadline: dateString.nullable(),
    /** The light as of the last sweep; null when the task is not open. */
    light: z.enum(HEALTH_LIGHTS).nullable(),
    /** Deadline passed and not signed off. */
    overdue: z.boolean(),
    origin: z.object({
      type: z.enum(RECTIFICATION_ORIGINS),
      id: z.number().int().nullable(),
      task: taskRef.nullable(),
    }),
    /** The assessment period the finding was made in. */
    period: z.object({ id: z.number().int(), name: z.string(), endsOn: dateString }).nullable(),
    /** 结转: its period has ended and it is still open, so it carries into the next period. */
    carriedOver: z.boolean(),
    finding: z.string(),
    measures: z.string(),
    signedOffAt: z.string().nullable(),
    signedOffBy: personRef.nullable(),
    signOffComment: z.string().nullable(),
    createdAt: z.string(),
    /** The task's version (closure and edits go through the task). */
    version: z.number().int(),
  })
  .describe('Rectification item (整改)');
export type Rectification = z.infer<typeof rectificationSchema>;

export const rectificationPageSchema = z.object({
  items: z.array(rectificationSchema),
  nextCursor: z.string().nullable(),
});
export type RectificationPage = z.infer<typeof rectificationPageSchema>;
