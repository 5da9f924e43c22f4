import { z } from 'zod';
import { fileViewSchema } from './files-api.js';
import type { TaskAction } from './tasks.js';

// The closure API (申请办结 / 办结审核, issue 4 item 7): the application's statuses and actions,
// the request and answer shapes, and the closure setting. The server validates and documents with
// these; the web takes its types from them (type-only imports).

export const CLOSURE_LIMITS = {
  summaryMax: 20000,
  commentMax: 2000,
  reasonMax: 2000,
  filesMax: 50,
  targetsMax: 50,
} as const;

/**
 * Where an application is: the review flow's words (src/domain/review-flow.ts) plus
 * `pending_leader` (a key task's closure waiting for its leader's confirmation, when the setting asks).
 */
export const CLOSURE_STATUSES = [
  'draft',
  'pending_head',
  'pending_supervisor',
  'pending_leader',
  'accepted',
  'returned',
] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

/** The review flow's actions plus `confirm` (the leader's confirmation). */
export const CLOSURE_ACTIONS = ['submit', 'approve', 'return', 'accept', 'confirm'] as const;
export type ClosureAction = (typeof CLOSURE_ACTIONS)[number];

/**
 * Task lifecycle actions that only the closure application takes (through
 * `POST /tasks/:id/closure/actions`); `POST /tasks/:id/<action>` answers 409
 * `closure_application_required` to them and the task's `allowedActions` leaves them out.
 */
export const CLOSURE_FLOW_TASK_ACTIONS: readonly TaskAction[] = ['request_closure', 'close', 'return'];

/** A result against one target of the accepted plan (target ids are the plan's item ids). */
export const targetResultSchema = z.object({
  targetId: z.string(),
  /** The value reached, in the target's unit of measure; null while not filled in. */
  achieved: z.number().nullable(),
  comment: z.string(),
});
export type TargetResult = z.infer<typeof targetResultSchema>;

const targetResultInput = z.strictObject({
  targetId: z
    .string()
    .min(1)
    .max(24)
    .regex(/^[A-Za-z0-9_-]+$/),
  achieved: z.number().finite().min(-1e12).max(1e12).nullable(),
  comment: z.string().max(CLOSURE_LIMITS.commentMax).default(''),
});

/** `PUT /tasks/:taskId/closure`: create the application (version 0: none read yet) or save it. */
export const saveClosureBody = z.strictObject({
  version: z.number().int().min(0),
  summary: z.string().max(CLOSURE_LIMITS.summaryMax),
  targetResults: z.array(targetResultInput).max(CLOSURE_LIMITS.targetsMax).default([]),
  /** The evidence files (uploaded to the task first); replaces the unsubmitted ones. */
  fileIds: z.array(z.number().int().positive().max(2147483647)).max(CLOSURE_LIMITS.filesMax).default([]),
});

/** `POST /tasks/:taskId/closure/actions`. */
export const closureActionBody = z.strictObject({
  action: z.enum(CLOSURE_ACTIONS),
  reason: z.string().max(CLOSURE_LIMITS.reasonMax).nullable().optional(),
  version: z.number().int().positive(),
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });

/** What a round's snapshot holds: the application as it stood at that step. */
export const closureSnapshotSchema = z.object({
  summary: z.string(),
  targetResults: z.array(targetResultSchema),
  fileIds: z.array(z.number().int()),
});
export type ClosureSnapshot = z.infer<typeof closureSnapshotSchema>;

export const closureRoundSchema = z.object({
  id: z.number().int(),
  applicationId: z.number().int(),
  at: z.string(),
  actor: personRef.nullable(),
  /** submit | approve | return | accept | confirm */
  action: z.string(),
  reason: z.string().nullable(),
  snapshot: closureSnapshotSchema.nullable(),
});

export const closureApplicationSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    unitId: z.number().int(),
    status: z.enum(CLOSURE_STATUSES),
    summary: z.string(),
    targetResults: z.array(targetResultSchema),
    evidence: z.array(fileViewSchema),
    createdBy: personRef.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .describe('Closure application (办结申请)');

/** A target of the accepted plan, as the application's form lists it. */
export const closureTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  measureUnit: z.string(),
  baseline: z.number(),
  targetValue: z.number(),
});

/** `GET /tasks/:taskId/closure`: the current application (or none), every round, and what the caller may do. */
export const taskClosureSchema = z
  .object({
    application: closureApplicationSchema.nullable(),
    /** Every round of every application of the task, oldest first. */
    rounds: z.array(closureRoundSchema),
    /** The accepted plan's targets the results are given against (empty without an accepted plan). */
    targets: z.array(closureTargetSchema),
    allowedActions: z.array(z.enum(CLOSURE_ACTIONS)),
    /** May the caller create the application or save its content now. */
    canEdit: z.boolean(),
    /** Whether evidence is required to submit (key tasks). */
    evidenceRequired: z.boolean(),
    /** Whether acceptance goes on to a leader's confirmation (setting, key tasks). */
    leaderConfirms: z.boolean(),
  })
  .describe("A task's closure application");

/** The closure setting an administrator may change. */
export const closureSettingsSchema = z.object({
  /** A key task's closure, accepted by the supervision office, also needs its leader's confirmation. */
  leaderConfirmsKeyTasks: z.boolean(),
  version: z.number().int(),
});

export const updateClosureSettingsBody = z.strictObject({
  version: z.number().int().positive(),
  leaderConfirmsKeyTasks: z.boolean(),
});

// The combined review queue (`GET /reviews`): plans, progress reports and closure applications
// that wait for the caller's decision.

export const REVIEW_KINDS = ['plan', 'report', 'closure'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const reviewItemSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    /** The plan version's, report's or closure application's id. */
    id: z.number().int(),
    /** pending_head | pending_supervisor | pending_leader */
    status: z.string(),
    task: z.object({
      id: z.number().int(),
      number: z.string(),
      title: z.string(),
      isKey: z.boolean(),
      deadline: z.string().nullable(),
    }),
    /** The unit whose item it is: the report's unit, or the task's lead unit for plans and closures. */
    unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    submittedAt: z.string().nullable(),
    /** When it reached its current status (the queue's order, newest first). */
    updatedAt: z.string(),
    /** Reports: submitted after their due date; plans and closures: the task's deadline has passed. */
    late: z.boolean(),
    /** Reports only: how many working days late. */
    lateWorkingDays: z.number().int().nullable(),
    /** Reports only: flagged as a duplicate (重复/雷同) of another report. */
    flagged: z.boolean(),
    similarity: z.number().nullable(),
    /** Reports only: the end of the period reported on. */
    periodEnd: z.string().nullable(),
  })
  .describe('An item waiting for review');

export const reviewsPageSchema = z.object({ items: z.array(reviewItemSchema), nextCursor: z.string().nullable() });
