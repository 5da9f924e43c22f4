import { z } from 'zod';
import { taskSummarySchema } from './task-api.js';
import { TASK_LIMITS } from './tasks.js';

// The cockpit (领导驾驶舱, issue 8 item 1): the picture at a glance for leaders and the supervision
// office, scoped to what the viewer may see — tasks led by the units in a leader's charge (and
// below), everything for the supervision office, administrators and auditors. Figures come from
// summary tables kept current by triggers (migration 0014); the web takes its types from here.

const id = z.coerce.number().int().positive().max(2147483647);

/** `GET /cockpit`: every filter optional; the web keeps them in the URL so a view can be shared. */
export const cockpitQuery = z.strictObject({
  /** One unit of the viewer's scope, with its subtree. */
  unitId: id.optional(),
  sourceId: id.optional(),
  tag: z.string().trim().min(1).max(TASK_LIMITS.tagMax).optional(),
  /** An assessment period: its tasks only (counted directly), and its league table and failure reasons. */
  periodId: id.optional(),
  keyOnly: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type CockpitQuery = z.input<typeof cockpitQuery>;

const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const cockpitFiguresSchema = z.object({
  open: z.number().int(),
  closed: z.number().int(),
  /** Open and past the deadline (assigned, in progress or returned). */
  overdue: z.number().int(),
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  /** Open key tasks the sweep found stalled. */
  stalledKey: z.number().int(),
  /** Open key tasks showing red. */
  redKey: z.number().int(),
  closedOnTime: z.number().int(),
  /** closedOnTime / closed, 0–1; null when nothing is closed. */
  onTimeRate: z.number().nullable(),
  /** Report slots due in the last 28 days: on time, late, still missing; null under a filter other than the unit. */
  reports: z
    .object({
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
      rate: z.number().nullable(),
    })
    .nullable(),
});
export type CockpitFigures = z.infer<typeof cockpitFiguresSchema>;

export const cockpitUnitLightsSchema = z.object({
  unit: unitRef,
  /** The tasks this unit leads itself, not those of its sub-units (shown beside its sub-units). */
  own: z.boolean(),
  /** Whether the unit has units below it (the chart can drill into it). */
  hasChildren: z.boolean(),
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  /** Open tasks not lit yet. */
  unlit: z.number().int(),
  overdue: z.number().int(),
});

export const TRAJECTORY_BUCKETS = ['on_track', 'slightly_behind', 'behind', 'far_behind'] as const;
export type TrajectoryBucket = (typeof TRAJECTORY_BUCKETS)[number];

export const cockpitSchema = z.object({
  today: z.string(),
  /** The units the view covers (a leader's charge, or the one unit asked for); empty: everything. */
  scope: z.array(unitRef),
  /** Whether the viewer may pick any unit (sees everything). */
  seesAll: z.boolean(),
  figures: cockpitFiguresSchema,
  /** The same figures as of a week ago (the nearest daily snapshot 7–9 days back); null when none or filtered. */
  weekAgo: cockpitFiguresSchema.nullable(),
  weekAgoDay: z.string().nullable(),
  /** Open tasks by unit one level below the view's scope, with their lights. */
  unitLights: z.array(cockpitUnitLightsSchema),
  /** Overdue open tasks by unit (as unitLights) and deadline month, the last 12 months up to this one. */
  overdueHeat: z.object({
    months: z.array(z.string()),
    units: z.array(unitRef.extend({ own: z.boolean() })),
    /** [unit index, month index, count], non-zero cells only. */
    cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
    /** Overdue tasks whose deadline is before the first month shown. */
    earlier: z.number().int(),
  }),
  /** Open key tasks by progress against their expected progress (as of the last sweep). */
  trajectory: z.array(z.object({ bucket: z.enum(TRAJECTORY_BUCKETS), count: z.number().int() })),
  /** Tasks closed per month (last 12 months), on time and late. */
  completions: z.array(z.object({ month: z.string(), onTime: z.number().int(), late: z.number().int() })),
  /** The assessment period whose league table and failure reasons are shown (the one asked for, else the latest computed). */
  period: z.object({ id: z.number().int(), name: z.string(), status: z.string() }).nullable(),
  league: z.array(
    z.object({ unit: unitRef, score: z.number(), rank: z.number().int(), deductions: z.number(), bonuses: z.number() }),
  ),
  /** The period's failure reasons (逐项分析) on tasks in view, most frequent first; labels per language. */
  reasons: z.array(
    z.object({
      code: z.string(),
      category: z.string().nullable(),
      labels: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }).nullable(),
      count: z.number().int(),
    }),
  ),
  attention: z.object({
    /** Red open key tasks, nearest deadline first (at most 5; figures.redKey counts them all). */
    redKeyTasks: z.array(taskSummarySchema),
    /** This leader's instructions not yet answered (批示未回复). */
    instructionsUnanswered: z.number().int(),
    /** Escalations of the ladder that reached this leader and are still open. */
    escalations: z.number().int(),
    /** Decisions waiting for this viewer: extension requests and closure applications. */
    extensionsWaiting: z.number().int(),
    closuresWaiting: z.number().int(),
  }),
});
export type Cockpit = z.infer<typeof cockpitSchema>;
