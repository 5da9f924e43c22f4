import { z } from 'zod';
import { dateString } from './task-api.js';

// The assessment API (考核, issue 7 items 1–2): periods over a selection of tasks, a scoring scheme
// of rules over facts the system already holds, scores per unit and role that explain themselves
// point by point, and freezing (publishing). The server validates and documents with these shapes;
// the web takes its types from them. Points travel as numbers with at most two decimals; the
// database keeps hundredths (integers), so both dialects add up identically.

export const ASSESSMENT_LIMITS = {
  nameMax: 100,
  commentMax: 2000,
  taskIdsMax: 5000,
  sourceIdsMax: 100,
  tagsMax: 20,
  rulesMax: 40,
  /** Points of one rule per occurrence, either way. */
  pointsMax: 100,
  /** Explanation lines in one page. */
  pageMax: 500,
} as const;

/**
 * The facts a rule can score. Each occurrence is one row of `assessment_points` with the fact it
 * came from (ref_type/ref_id), dated within the period:
 * - completed_on_time / completed_late: a task closed in the period, by its deadline (the deadline
 *   after approved extensions) or after it; late is scored per working day late (cap per task).
 * - open_overdue: open at the period's end (or today, if sooner) past its deadline, judged against
 *   the original deadline unless an extension was approved; per working day overdue (cap per task).
 * - extension_used: an approved extension decided in the period.
 * - report_on_time / report_late / report_missing: report slots due in the period (missing = no
 *   report submitted by the period's end, for a slot due by then).
 * - report_returned: a report returned in the period; report_duplicate: a submitted report flagged
 *   as a near-copy of an earlier one.
 * - urge_received / notice_received: supervision actions of kind urge / notice in the period.
 * - plan_on_time: a plan accepted within the plan period after assignment; plan_late otherwise.
 * - coordination_declined: a request declined or passed on by the unit (bounced) in the period.
 * - instruction_late: an instruction answered after its date (or unanswered at the period's end).
 * - light_amber / light_red: the task's light when the period is computed (frozen with it).
 * - quality_rating: per rating point above (or below) 3, averaged over the raters of the unit's work.
 */
export const SCORING_RULE_IDS = [
  'completed_on_time',
  'completed_late',
  'open_overdue',
  'extension_used',
  'report_on_time',
  'report_late',
  'report_missing',
  'report_returned',
  'report_duplicate',
  'urge_received',
  'notice_received',
  'plan_on_time',
  'plan_late',
  'coordination_declined',
  'instruction_late',
  'light_amber',
  'light_red',
  'quality_rating',
] as const;
export type ScoringRuleId = (typeof SCORING_RULE_IDS)[number];

/**
 * plan_on_time / plan_late: a task's first plan is due this many working days after the task was
 * assigned (tasks without any plan are not judged on it).
 */
export const PLAN_DUE_WORKING_DAYS = 10;

/** Lead and cooperating units are scored separately (two league tables). */
export const ASSESSMENT_ROLES = ['lead', 'cooperating'] as const;
export type AssessmentRole = (typeof ASSESSMENT_ROLES)[number];

const points = z.number().min(-ASSESSMENT_LIMITS.pointsMax).max(ASSESSMENT_LIMITS.pointsMax).multipleOf(0.01);

/** One rule: points per occurrence for each role (0 = not scored for that role). */
export const scoringRuleSchema = z.strictObject({
  id: z.enum(SCORING_RULE_IDS),
  enabled: z.boolean(),
  lead: points,
  cooperating: points,
  /** Scored per working day (completed_late, open_overdue) instead of once. */
  perWorkingDay: z.boolean().default(false),
  /** Most points (in absolute value) one task can give under this rule; null = no cap. */
  capPerTask: z.number().min(0).max(1000).multipleOf(0.01).nullable().default(null),
});
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

export const scoringSchemeSchema = z.strictObject({
  /** Every unit starts the period with this score (百分制: 100). */
  base: z.number().min(0).max(1000).multipleOf(0.01),
  /**
   * The lowest score a unit can end with (扣完为止): deductions past it still show in the
   * explanation, the score stops there. null = no floor. Omitted in a request: 0. A scheme stored
   * before floors existed has no floor (it was computed without one; see readStoredScheme).
   */
  floor: z.number().min(-1000).max(1000).multipleOf(0.01).nullable().default(0),
  rules: z.array(scoringRuleSchema).min(1).max(ASSESSMENT_LIMITS.rulesMax),
});
export type ScoringScheme = z.infer<typeof scoringSchemeSchema>;

/**
 * The default scheme, modelled on common practice: 100 points to start; a yellow light costs 1
 * and a red light 2; lateness costs per working day, capped per task; missing reports cost more
 * than late ones; an unanswered instruction or a bounced coordination request is a deduction;
 * a score cannot fall below 0 (扣完为止).
 */
export const DEFAULT_SCORING_SCHEME: ScoringScheme = {
  base: 100,
  floor: 0,
  rules: [
    { id: 'completed_on_time', enabled: true, lead: 1, cooperating: 0.5, perWorkingDay: false, capPerTask: null },
    { id: 'completed_late', enabled: true, lead: -0.2, cooperating: -0.1, perWorkingDay: true, capPerTask: 3 },
    { id: 'open_overdue', enabled: true, lead: -0.5, cooperating: -0.2, perWorkingDay: true, capPerTask: 5 },
    { id: 'extension_used', enabled: true, lead: -0.5, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'report_on_time', enabled: false, lead: 0, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'report_late', enabled: true, lead: -0.5, cooperating: -0.5, perWorkingDay: false, capPerTask: null },
    { id: 'report_missing', enabled: true, lead: -1, cooperating: -1, perWorkingDay: false, capPerTask: null },
    { id: 'report_returned', enabled: true, lead: -0.5, cooperating: -0.5, perWorkingDay: false, capPerTask: null },
    { id: 'report_duplicate', enabled: true, lead: -1, cooperating: -1, perWorkingDay: false, capPerTask: null },
    { id: 'urge_received', enabled: true, lead: -0.5, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'notice_received', enabled: true, lead: -1, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'plan_on_time', enabled: false, lead: 0, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'plan_late', enabled: true, lead: -0.5, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'coordination_declined', enabled: true, lead: -1, cooperating: -1, perWorkingDay: false, capPerTask: null },
    { id: 'instruction_late', enabled: true, lead: -1, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'light_amber', enabled: true, lead: -1, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'light_red', enabled: true, lead: -2, cooperating: 0, perWorkingDay: false, capPerTask: null },
    { id: 'quality_rating', enabled: true, lead: 0.5, cooperating: 0.25, perWorkingDay: false, capPerTask: null },
  ],
};

const id = z.number().int().positive().max(2147483647);

/**
 * Which tasks a period covers: those matching every given criterion (an empty criterion matches
 * all), plus the hand-picked ones, that were open at some time in the period (assigned by its end,
 * not closed or cancelled before its start). Open rectification items are carried over into the
 * next period when `includeOpenRectifications` is true.
 */
export const periodSelectionSchema = z.strictObject({
  sourceIds: z.array(id).max(ASSESSMENT_LIMITS.sourceIdsMax).default([]),
  tags: z.array(z.string().min(1).max(30)).max(ASSESSMENT_LIMITS.tagsMax).default([]),
  keyOnly: z.boolean().default(false),
  taskIds: z.array(id).max(ASSESSMENT_LIMITS.taskIdsMax).default([]),
  /** Only the hand-picked tasks (taskIds), ignoring the other criteria. */
  handPickedOnly: z.boolean().default(false),
  includeOpenRectifications: z.boolean().default(true),
});
export type PeriodSelection = z.infer<typeof periodSelectionSchema>;

export const PERIOD_STATUSES = ['draft', 'frozen'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** How a task of the period ended up, as computed (review items default to it). */
export const TASK_OUTCOMES = ['done_on_time', 'done_late', 'not_done'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

export const createPeriodBody = z.strictObject({
  name: z.string().trim().min(1).max(ASSESSMENT_LIMITS.nameMax),
  startsOn: dateString,
  endsOn: dateString,
  selection: periodSelectionSchema,
  /** Omitted: the previous period's scheme, else the default. */
  scheme: scoringSchemeSchema.optional(),
  previousPeriodId: id.nullable().optional(),
});

export const updatePeriodBody = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(ASSESSMENT_LIMITS.nameMax).optional(),
  startsOn: dateString.optional(),
  endsOn: dateString.optional(),
  selection: periodSelectionSchema.optional(),
  scheme: scoringSchemeSchema.optional(),
  previousPeriodId: id.nullable().optional(),
});

export const periodSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    selection: periodSelectionSchema,
    scheme: scoringSchemeSchema,
    status: z.enum(PERIOD_STATUSES),
    previousPeriodId: z.number().int().nullable(),
    computedAt: z.string().nullable(),
    /** SHA-256 of the computed results (the frozen result's fingerprint, also in the audit trail). */
    computedHash: z.string().nullable(),
    frozenAt: z.string().nullable(),
    frozenByName: z.string().nullable(),
    taskCount: z.number().int(),
    /** Counts of the period's tasks by outcome, as last computed. */
    outcomes: z.record(z.enum(TASK_OUTCOMES), z.number().int()),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .describe('Assessment period (考核期)');
export type PeriodView = z.infer<typeof periodSchema>;

export const periodListSchema = z.object({ items: z.array(periodSchema) });

/** Points of one rule in a unit's score. */
export const breakdownLineSchema = z.object({
  ruleId: z.enum(SCORING_RULE_IDS),
  count: z.number().int(),
  points: z.number(),
});
export type BreakdownLine = z.infer<typeof breakdownLineSchema>;

/** One unit's line in a league table. */
export const unitResultSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(ASSESSMENT_ROLES),
  score: z.number(),
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). */
  rank: z.number().int(),
  taskCount: z.number().int(),
  breakdown: z.array(breakdownLineSchema),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

export const resultsQuery = z.strictObject({ role: z.enum(ASSESSMENT_ROLES).default('lead') });

export const resultsSchema = z.object({
  period: periodSchema,
  role: z.enum(ASSESSMENT_ROLES),
  items: z.array(unitResultSchema),
});
export type ResultsView = z.infer<typeof resultsSchema>;

/** Where an explanation line's fact lives (the web links each to the task's timeline or object). */
export const POINT_REF_TYPES = [
  'task',
  'event',
  'report',
  'report_period',
  'action',
  'notice',
  'extension',
  'coordination',
  'instruction',
  'rating',
  'plan',
] as const;
export type PointRefType = (typeof POINT_REF_TYPES)[number];

/** One point or deduction and the fact that produced it. */
export const pointLineSchema = z.object({
  taskId: z.number().int(),
  taskNumber: z.string(),
  taskTitle: z.string(),
  ruleId: z.enum(SCORING_RULE_IDS),
  points: z.number(),
  occurredOn: z.string().nullable(),
  refType: z.enum(POINT_REF_TYPES).nullable(),
  refId: z.number().int().nullable(),
  /** The fact's particulars: `workingDays`, `light`, `rating`, `period`, … */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type PointLine = z.infer<typeof pointLineSchema>;

export const explainQuery = z.strictObject({
  role: z.enum(ASSESSMENT_ROLES).default('lead'),
  ruleId: z.enum(SCORING_RULE_IDS).optional(),
});

/** `GET /assessment/periods/:id/units/:unitId/points`: why a unit has its score. */
export const explanationSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(ASSESSMENT_ROLES),
  score: z.number(),
  base: z.number(),
  /** The scheme's floor (null = none). */
  floor: z.number().nullable(),
  /** base + every point line, before the floor: below `score` only when the floor applied. */
  unclampedScore: z.number(),
  /** The floor raised the score (扣完为止): `score` is the floor, `unclampedScore` lower. */
  floored: z.boolean(),
  items: z.array(pointLineSchema),
});
export type ExplanationView = z.infer<typeof explanationSchema>;

/** Trend: a unit's (or every unit's average) score over the last periods. */
export const trendSchema = z.object({
  items: z.array(
    z.object({
      periodId: z.number().int(),
      periodName: z.string(),
      endsOn: z.string(),
      averageScore: z.number().nullable(),
      unitScore: z.number().nullable(),
    }),
  ),
});

export const versionBody = z.strictObject({ version: z.number().int().positive() });

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** `PUT /assessment/periods/:id/ratings`: a supervisor's or leader's rating of a unit's work on a task. */
export const rateBody = z.strictObject({
  taskId: id,
  unitId: id,
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  comment: z.string().trim().min(1).max(ASSESSMENT_LIMITS.commentMax),
});

export const ratingSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int(),
  raterId: z.number().int(),
  raterName: z.string(),
  rating: z.number().int(),
  comment: z.string(),
  updatedAt: z.string(),
});
export type RatingView = z.infer<typeof ratingSchema>;

const queryId = z.coerce.number().int().positive().max(2147483647);

/** `GET /assessment/trend?unitId=`: a unit's score beside the average; without unitId, the average only. */
export const trendQuery = z.strictObject({ unitId: queryId.optional() });

/** `GET /assessment/periods/:id/ratings?taskId=`. */
export const ratingsQuery = z.strictObject({ taskId: queryId.optional() });

export const ratingListSchema = z.object({ items: z.array(ratingSchema) });

/** `/assessment/periods/:id/units/:unitId/points`. */
export const unitPointsParams = z.strictObject({ id: queryId, unitId: queryId });
