import { z } from 'zod';
import { dateString } from './task-api.js';

// Extension requests (延期申请, issue 5 item 4) and the deadline history: statuses, the request and
// answer shapes. The server validates and documents with these; the web takes its types from them.

export const EXTENSION_LIMITS = {
  reasonMax: 2000,
  progressNoteMax: 2000,
  commentMax: 2000,
  queueMax: 200,
} as const;

/**
 * Where a request is: waiting for the supervision office, then (a key task's, when the setting
 * asks) for the responsible leader; approved, rejected, or withdrawn by the unit.
 */
export const EXTENSION_STATUSES = [
  'pending_supervisor',
  'pending_leader',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const EXTENSION_ACTIONS = ['approve', 'reject', 'withdraw'] as const;
export type ExtensionAction = (typeof EXTENSION_ACTIONS)[number];

/** Why the caller may not file a request now (null when they may). */
export const EXTENSION_BLOCKERS = [
  'not_requester',
  'task_not_open',
  'no_deadline',
  'after_deadline',
  'pending_exists',
  'limit_reached',
] as const;
export type ExtensionBlocker = (typeof EXTENSION_BLOCKERS)[number];

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });

/** `POST /tasks/:id/extensions`: the lead unit asks for a later deadline. */
export const requestExtensionBody = z.strictObject({
  reason: text(EXTENSION_LIMITS.reasonMax),
  /** Progress so far, in percent. */
  progress: z.number().int().min(0).max(100),
  progressNote: z.string().max(EXTENSION_LIMITS.progressNoteMax).nullable().optional(),
  proposedDeadline: dateString,
});
export type RequestExtensionInput = z.input<typeof requestExtensionBody>;

/** `POST /extensions/:id/approve|reject`: a comment, required to reject. */
export const decideExtensionBody = z.strictObject({
  comment: z.string().max(EXTENSION_LIMITS.commentMax).nullable().optional(),
  version: z.number().int().positive(),
});

/** `POST /extensions/:id/withdraw`. */
export const withdrawExtensionBody = z.strictObject({ version: z.number().int().positive() });

const personRef = z.object({ id: z.number().int(), displayName: z.string() });

/** One step of a request as the task's timeline recorded it. */
export const extensionStepSchema = z.object({
  /** requested | forwarded (the supervision office agreed; a leader decides) | approved | rejected | withdrawn */
  step: z.enum(['requested', 'forwarded', 'approved', 'rejected', 'withdrawn']),
  at: z.string(),
  actor: personRef.nullable(),
  comment: z.string().nullable(),
});

export const extensionRequestSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    status: z.enum(EXTENSION_STATUSES),
    reason: z.string(),
    progress: z.number().int(),
    progressNote: z.string().nullable(),
    /** The deadline when the request was filed. */
    deadlineAtRequest: dateString,
    proposedDeadline: dateString,
    /** A leader approves after the supervision office (key task, setting on when filed). */
    needsLeader: z.boolean(),
    /** Filed after the deadline it asks to move. */
    filedLate: z.boolean(),
    /** The comment of the last decision. */
    decisionComment: z.string().nullable(),
    requestedBy: personRef.nullable(),
    supervisorDecidedBy: personRef.nullable(),
    supervisorDecidedAt: z.string().nullable(),
    leaderDecidedBy: personRef.nullable(),
    leaderDecidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    /** Every step, oldest first. */
    steps: z.array(extensionStepSchema),
    /** What the caller may do to this request now. */
    allowedActions: z.array(z.enum(EXTENSION_ACTIONS)),
  })
  .describe('Extension request (延期申请)');

export const deadlineChangeSchema = z.object({
  id: z.number().int(),
  from: dateString.nullable(),
  to: dateString.nullable(),
  /** The approved request that moved it; null for an edit by the supervision office. */
  extensionId: z.number().int().nullable(),
  reason: z.string().nullable(),
  changedBy: personRef.nullable(),
  changedAt: z.string(),
});

/** `GET /tasks/:id/extensions`: the task's deadlines, its requests and the deadline history. */
export const taskExtensionsSchema = z
  .object({
    /** The deadline as first set (kept when extensions move the deadline). */
    originalDeadline: dateString.nullable(),
    /** The deadline now in force: overdue is judged against it. */
    currentDeadline: dateString.nullable(),
    approvedCount: z.number().int(),
    /** Approved extensions a task may have (setting). */
    limit: z.number().int(),
    /** Whether key tasks' requests go on to the leader (setting), and this task is key. */
    leaderApproves: z.boolean(),
    canRequest: z.boolean(),
    cannotRequestBecause: z.enum(EXTENSION_BLOCKERS).nullable(),
    /** Newest first. */
    requests: z.array(extensionRequestSchema),
    /** Oldest first. */
    deadlineChanges: z.array(deadlineChangeSchema),
  })
  .describe("A task's extension requests and deadline history");

/** `GET /extensions?status=`: `pending` is what waits for the caller; the others filter by status. */
export const EXTENSION_QUEUE_FILTERS = ['pending', 'all', ...EXTENSION_STATUSES] as const;
export type ExtensionQueueFilter = (typeof EXTENSION_QUEUE_FILTERS)[number];

export const extensionQueueItemSchema = z.object({
  id: z.number().int(),
  status: z.enum(EXTENSION_STATUSES),
  task: z.object({
    id: z.number().int(),
    number: z.string(),
    title: z.string(),
    isKey: z.boolean(),
    deadline: dateString.nullable(),
    originalDeadline: dateString.nullable(),
  }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  reason: z.string(),
  progress: z.number().int(),
  deadlineAtRequest: dateString,
  proposedDeadline: dateString,
  needsLeader: z.boolean(),
  filedLate: z.boolean(),
  requestedBy: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const extensionQueueSchema = z.object({
  items: z.array(extensionQueueItemSchema),
  nextCursor: z.string().nullable(),
});
