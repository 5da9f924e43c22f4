import { z } from 'zod';
import { dateString } from './task-api.js';

// The plans API (办理方案, issue 4 item 1): a plan's content, its versions, cooperating units'
// parts, review rounds and the plans setting. The server validates and documents with these; the
// web takes its types from them (type-only imports).

export const PLAN_LIMITS = {
  targetsMax: 50,
  stepsMax: 100,
  milestonesMax: 100,
  quartersMax: 40,
  nameMax: 200,
  measureUnitMax: 20,
  stepTextMax: 2000,
  deliverableMax: 500,
  partTextMax: 5000,
  reasonMax: 2000,
  itemIdMax: 24,
} as const;

/** A plan version's status: the review flow's words (src/domain/review-flow.ts), plus `superseded` (a later version was accepted). */
export const PLAN_STATUSES = [
  'draft',
  'pending_head',
  'pending_supervisor',
  'accepted',
  'returned',
  'superseded',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The review flow's actions, plus `revise`: start a new version of an accepted plan. */
export const PLAN_ACTIONS = ['submit', 'approve', 'return', 'accept', 'revise'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** How a leaf task's progress is computed from this plan: last accepted report, or milestones done. */
export const PROGRESS_BASES = ['reports', 'milestones'] as const;
export type ProgressBasis = (typeof PROGRESS_BASES)[number];

/** An item's id: short, kept across versions (reports refer to targets and milestones by it). */
export const planItemId = z
  .string()
  .min(1)
  .max(PLAN_LIMITS.itemIdMax)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A quarter, `2026-Q3`. */
export const quarterString = z.string().regex(/^\d{4}-Q[1-4]$/);

function nonBlank(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });
}

const amount = z.number().finite().min(-1e12).max(1e12);

// The content as stored and answered: every item has its id.

export const planTargetSchema = z.object({
  id: planItemId,
  name: z.string(),
  /** Unit of measure (个, km, %, 万元…); may be empty for counts. */
  measureUnit: z.string(),
  baseline: z.number(),
  targetValue: z.number(),
  dueDate: dateString.nullable(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planStepSchema = z.object({
  id: planItemId,
  text: z.string(),
  ownerUnitId: z.number().int(),
  startDate: dateString.nullable(),
  endDate: dateString.nullable(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planMilestoneSchema = z.object({
  id: planItemId,
  date: dateString,
  deliverable: z.string(),
  evidenceRequired: z.boolean(),
});
export type PlanMilestone = z.infer<typeof planMilestoneSchema>;

export const expectedProgressSchema = z.object({
  quarter: quarterString,
  percent: z.number().min(0).max(100),
});
export type ExpectedProgress = z.infer<typeof expectedProgressSchema>;

export const planContentSchema = z
  .object({
    targets: z.array(planTargetSchema),
    steps: z.array(planStepSchema),
    milestones: z.array(planMilestoneSchema),
    /** 形象进度: expected percent complete at the end of each quarter, in quarter order. */
    expectedProgress: z.array(expectedProgressSchema),
    progressBasis: z.enum(PROGRESS_BASES),
  })
  .describe('Plan content (办理方案)');
export type PlanContent = z.infer<typeof planContentSchema>;

// The content as sent: ids may be left out on new items (the server gives them one).

export const planTargetInput = z.strictObject({
  id: planItemId.optional(),
  name: nonBlank(PLAN_LIMITS.nameMax),
  measureUnit: z.string().max(PLAN_LIMITS.measureUnitMax).default(''),
  baseline: amount,
  targetValue: amount,
  dueDate: dateString.nullable().optional(),
});

export const planStepInput = z.strictObject({
  id: planItemId.optional(),
  text: nonBlank(PLAN_LIMITS.stepTextMax),
  ownerUnitId: z.number().int().positive().max(2147483647),
  startDate: dateString.nullable().optional(),
  endDate: dateString.nullable().optional(),
});

export const planMilestoneInput = z.strictObject({
  id: planItemId.optional(),
  date: dateString,
  deliverable: nonBlank(PLAN_LIMITS.deliverableMax),
  evidenceRequired: z.boolean().default(false),
});

export const planContentInput = z.strictObject({
  targets: z.array(planTargetInput).max(PLAN_LIMITS.targetsMax).default([]),
  steps: z.array(planStepInput).max(PLAN_LIMITS.stepsMax).default([]),
  milestones: z.array(planMilestoneInput).max(PLAN_LIMITS.milestonesMax).default([]),
  expectedProgress: z
    .array(z.strictObject({ quarter: quarterString, percent: z.number().min(0).max(100) }))
    .max(PLAN_LIMITS.quartersMax)
    .default([]),
  progressBasis: z.enum(PROGRESS_BASES).optional(),
});
export type PlanContentInput = z.infer<typeof planContentInput>;

/** A cooperating unit's part (配合单位分工): what it will do, and its own steps. */
export const planPartContentSchema = z.object({
  text: z.string(),
  steps: z.array(planStepSchema.omit({ ownerUnitId: true })),
});
export type PlanPartContent = z.infer<typeof planPartContentSchema>;

export const planPartContentInput = z.strictObject({
  text: z.string().max(PLAN_LIMITS.partTextMax).default(''),
  steps: z
    .array(planStepInput.omit({ ownerUnitId: true }))
    .max(PLAN_LIMITS.stepsMax)
    .default([]),
});
export type PlanPartContentInput = z.infer<typeof planPartContentInput>;

/**
 * `PUT /tasks/:id/plan`: the content plus the version read — 0 when there is no plan yet; an
 * accepted plan's version to start its revision with this content.
 */
export const savePlanBody = planContentInput.extend({ version: z.number().int().min(0) });

/** `PUT /tasks/:id/plan/parts/:unitId`: the part plus its version read (0: the unit has none yet). */
export const savePlanPartBody = planPartContentInput.extend({ version: z.number().int().min(0) });

/** `POST /tasks/:id/plan/actions`. */
export const planActionBody = z.strictObject({
  action: z.enum(PLAN_ACTIONS),
  reason: z.string().max(PLAN_LIMITS.reasonMax).nullable().optional(),
  version: z.number().int().positive(),
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });

export const planPartSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  content: planPartContentSchema,
  updatedBy: personRef.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});

/** What a round's snapshot holds: the lead unit's content and every part, as submitted. */
export const planSnapshotSchema = z.object({
  content: planContentSchema,
  parts: z.array(z.object({ unitId: z.number().int(), content: planPartContentSchema })),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const planRoundSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: personRef.nullable(),
  /** submit | approve | return | accept | revise */
  action: z.string(),
  reason: z.string().nullable(),
  /** On submissions (and the start of a revision): the plan as it then stood. */
  snapshot: planSnapshotSchema.nullable(),
});

export const planVersionSummarySchema = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const planSchema = planVersionSummarySchema
  .extend({
    taskId: z.number().int(),
    content: planContentSchema,
    createdBy: personRef.nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    parts: z.array(planPartSchema),
    rounds: z.array(planRoundSchema),
  })
  .describe('Plan version (办理方案)');
export type PlanView = z.infer<typeof planSchema>;

/** `GET /tasks/:id/plan`: the newest version (or none yet) and what the caller may do with it. */
export const taskPlanSchema = z
  .object({
    plan: planSchema.nullable(),
    /** The version in force (accepted), if any. */
    acceptedVersionNo: z.number().int().nullable(),
    allowedActions: z.array(z.enum(PLAN_ACTIONS)),
    /** May the caller create the plan or save its content now. */
    canEdit: z.boolean(),
    /** The cooperating units whose part the caller may save now. */
    editablePartUnitIds: z.array(z.number().int()),
  })
  .describe("A task's plan");

export const planVersionListSchema = z.object({ items: z.array(planVersionSummarySchema) });

const fieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
function listDiff<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ id: z.string(), changes: z.array(fieldChange) })),
  });
}

export const planDiffSchema = z
  .object({
    targets: listDiff(planTargetSchema),
    steps: listDiff(planStepSchema),
    milestones: listDiff(planMilestoneSchema),
    expectedProgress: z.object({
      added: z.array(expectedProgressSchema),
      removed: z.array(expectedProgressSchema),
      changed: z.array(z.object({ quarter: z.string(), old: z.number(), new: z.number() })),
    }),
    progressBasis: z.object({ old: z.enum(PROGRESS_BASES), new: z.enum(PROGRESS_BASES) }).nullable(),
    unchanged: z.boolean(),
  })
  .describe('What changed between two plan versions, item by item');

export const planVersionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  diff: planDiffSchema,
});

/** The plans setting an administrator may change. */
export const planSettingsSchema = z.object({
  /** A key task cannot start (in_progress) until it has an accepted plan. */
  requireAcceptedForKeyTasks: z.boolean(),
  version: z.number().int(),
});

export const updatePlanSettingsBody = z.strictObject({
  version: z.number().int().positive(),
  requireAcceptedForKeyTasks: z.boolean(),
});
