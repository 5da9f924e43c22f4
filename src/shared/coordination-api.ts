import { z } from 'zod';
import { dateString } from './task-api.js';

// Coordination requests (需协调事项, issue 5 item 5): a unit on a task asks another unit or a leader
// for something by a date; the other side accepts with a commitment date, declines or passes it on.
// Declines and pass-ons are bounces (the 推诿扯皮 indicator): at the bounce limit, or when unanswered
// past the due date, the request escalates to the lowest common leader. Shared by server and web.

export const COORDINATION_LIMITS = {
  matterMax: 2000,
  responseMax: 2000,
  reasonMax: 2000,
  /** The matter as a notification quotes it. */
  matterInNotice: 60,
  queueMax: 100,
} as const;

/**
 * open: waiting for the target; accepted (with a commitment date, late once that passes unfulfilled);
 * declined; passed_on (a new request in the chain went to another unit); escalated (to a leader, or
 * the supervision office when no leader is over both sides); fulfilled; withdrawn by the asker.
 */
export const COORDINATION_STATUSES = [
  'open',
  'accepted',
  'declined',
  'passed_on',
  'escalated',
  'fulfilled',
  'withdrawn',
] as const;
export type CoordinationStatus = (typeof COORDINATION_STATUSES)[number];

/**
 * What can be done to a request: the target accepts, declines, passes on, then fulfils; the asker
 * withdraws, or re-sends a declined request to another target; the escalated leader resolves.
 */
export const COORDINATION_ACTIONS = [
  'accept',
  'decline',
  'pass_on',
  'fulfil',
  'withdraw',
  'resend',
  'resolve',
] as const;
export type CoordinationAction = (typeof COORDINATION_ACTIONS)[number];

/** Every step of a chain as the task's timeline records it (`coordination_<step>`). */
export const COORDINATION_STEPS = [
  'requested',
  'accepted',
  'declined',
  'passed_on',
  'escalated',
  'fulfilled',
  'withdrawn',
  'resent',
  'resolved',
] as const;
export type CoordinationStep = (typeof COORDINATION_STEPS)[number];

/** `GET /coordination?box=`: to me (my unit, or me as leader), from my unit, escalated to me, all in scope. */
export const COORDINATION_BOXES = ['incoming', 'outgoing', 'escalated', 'all'] as const;
export type CoordinationBox = (typeof COORDINATION_BOXES)[number];

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });
const id = z.number().int().positive().max(2147483647);
const version = z.number().int().positive();

/** `POST /tasks/:id/coordination`: ask another unit (`toUnitId`) or a leader (`toLeaderId`). */
export const createCoordinationBody = z.strictObject({
  /** The asking unit: the caller's own (the default), which must lead or cooperate on the task. */
  fromUnitId: id.optional(),
  toUnitId: id.nullable().optional(),
  toLeaderId: id.nullable().optional(),
  matter: text(COORDINATION_LIMITS.matterMax),
  dueDate: dateString,
});
export type CreateCoordinationInput = z.input<typeof createCoordinationBody>;

export const acceptCoordinationBody = z.strictObject({
  commitmentDate: dateString,
  response: z.string().max(COORDINATION_LIMITS.responseMax).nullable().optional(),
  version,
});

export const declineCoordinationBody = z.strictObject({ reason: text(COORDINATION_LIMITS.reasonMax), version });

export const passOnCoordinationBody = z.strictObject({
  toUnitId: id,
  reason: text(COORDINATION_LIMITS.reasonMax),
  version,
});

export const fulfilCoordinationBody = z.strictObject({
  response: z.string().max(COORDINATION_LIMITS.responseMax).nullable().optional(),
  version,
});

export const withdrawCoordinationBody = z.strictObject({
  reason: z.string().max(COORDINATION_LIMITS.reasonMax).nullable().optional(),
  version,
});

/** The asker sends a declined request on to another unit or a leader (the chain and its bounces go on). */
export const resendCoordinationBody = z.strictObject({
  toUnitId: id.nullable().optional(),
  toLeaderId: id.nullable().optional(),
  dueDate: dateString,
  version,
});

/**
 * The escalated leader decides: with `toUnitId` (and a new `dueDate`) the matter goes to that unit as
 * an open request; without, the decision itself settles it (fulfilled).
 */
export const resolveCoordinationBody = z.strictObject({
  response: text(COORDINATION_LIMITS.responseMax),
  toUnitId: id.nullable().optional(),
  dueDate: dateString.nullable().optional(),
  version,
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const coordinationRequestSchema = z
  .object({
    id: z.number().int(),
    task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
    /** Whether the caller may open the task itself (a unit asked need not be on the task). */
    taskVisible: z.boolean(),
    fromUnit: unitRef,
    /** The unit asked; null when a leader was asked, or for a leader's settling decision. */
    toUnit: unitRef.nullable(),
    toLeader: personRef.nullable(),
    matter: z.string(),
    dueDate: dateString,
    status: z.enum(COORDINATION_STATUSES),
    commitmentDate: dateString.nullable(),
    /** The target's answer (acceptance note, reason to decline or pass on), or a leader's decision. */
    response: z.string().nullable(),
    respondedBy: personRef.nullable(),
    respondedAt: z.string().nullable(),
    /** Declines and pass-ons along the chain up to this request (推诿扯皮 indicator). */
    bounceCount: z.number().int(),
    previousId: z.number().int().nullable(),
    /** The request that continued this one (passed on, re-sent or resolved), if any. */
    nextId: z.number().int().nullable(),
    /** The leader it escalated to; null when escalated to the supervision office. */
    escalatedTo: personRef.nullable(),
    escalatedAt: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    createdBy: personRef.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    /** Open past its due date (the next sweep escalates it). */
    isOverdue: z.boolean(),
    /** Accepted, its commitment date passed, not fulfilled. */
    isLate: z.boolean(),
    /** Escalated and still waiting for the leader's decision. */
    awaitsDecision: z.boolean(),
    allowedActions: z.array(z.enum(COORDINATION_ACTIONS)),
  })
  .describe('Coordination request (需协调事项)');

export const coordinationStepSchema = z.object({
  requestId: z.number().int(),
  step: z.enum(COORDINATION_STEPS),
  at: z.string(),
  actor: personRef.nullable(),
  reason: z.string().nullable(),
});

/** A request and every request that continued it, oldest first. */
export const coordinationChainSchema = z.object({
  rootId: z.number().int(),
  /** The chain's bounces so far (its latest request's count). */
  bounceCount: z.number().int(),
  requests: z.array(coordinationRequestSchema),
  /** Oldest first. */
  history: z.array(coordinationStepSchema),
});

/** `GET /tasks/:id/coordination`. */
export const taskCoordinationSchema = z
  .object({
    /** Newest chain first. */
    chains: z.array(coordinationChainSchema),
    /** The units the caller may ask from on this task (their own, when it leads or cooperates). */
    requestUnits: z.array(unitRef),
    canRequest: z.boolean(),
    /** Bounces at which a request escalates (setting). */
    bounceLimit: z.number().int(),
    today: dateString,
  })
  .describe("A task's coordination requests");

export const coordinationQueueSchema = z.object({
  items: z.array(coordinationRequestSchema),
  nextCursor: z.string().nullable(),
  today: dateString,
});

export const coordinationUnitStatsSchema = z.object({
  unit: unitRef,
  /** Requests addressed to the unit. */
  received: z.number().int(),
  declined: z.number().int(),
  passedOn: z.number().int(),
  /** declined + passed on: the unit's own bounces. */
  bounces: z.number().int(),
  /** Requests to the unit that escalated (bounced at the limit or left unanswered). */
  escalated: z.number().int(),
  /** Still waiting for the unit's answer. */
  open: z.number().int(),
  /** Accepted, commitment date passed, not fulfilled. */
  late: z.number().int(),
});

export const coordinationStatsSchema = z.object({
  items: z.array(coordinationUnitStatsSchema),
  today: dateString,
});

/** `GET /coordination/targets`: the leaders a request may be addressed to. */
export const coordinationTargetsSchema = z.object({ leaders: z.array(personRef) });

export type CoordinationRequestView = z.infer<typeof coordinationRequestSchema>;
export type CoordinationChainView = z.infer<typeof coordinationChainSchema>;
export type TaskCoordinationView = z.infer<typeof taskCoordinationSchema>;
export type CoordinationQueueView = z.infer<typeof coordinationQueueSchema>;
export type CoordinationStatsView = z.infer<typeof coordinationStatsSchema>;
export type CoordinationUnitStats = z.infer<typeof coordinationUnitStatsSchema>;
