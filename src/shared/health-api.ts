import { z } from 'zod';

// A task's health as the API carries it (src/domain/task-health.ts computes it; the sweep stores it
// on the task row): the light, the flags and the reasons with their numbers, so every screen says
// them in the reader's language (src/shared/health-terms.ts).

export const HEALTH_LIGHTS = ['green', 'amber', 'red'] as const;
export type HealthLight = (typeof HEALTH_LIGHTS)[number];
export const HEALTH_FLAGS = ['overdue', 'stalled', 'reportMissing', 'unacknowledged'] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

/** The bit of each flag in tasks.health_flags. */
export const HEALTH_FLAG_BITS: Record<HealthFlag, number> = {
  overdue: 1,
  stalled: 2,
  reportMissing: 4,
  unacknowledged: 8,
};

const severity = z.enum(['red', 'amber']);
const amber = z.literal('amber');
export const healthReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('overdue'), severity: z.literal('red'), workingDays: z.number() }),
  z.object({ code: z.literal('report_missing'), severity, workingDays: z.number(), periodEnd: z.string() }),
  z.object({ code: z.literal('behind_plan'), severity, points: z.number(), expected: z.number() }),
  z.object({
    code: z.literal('behind_trajectory'),
    severity: amber,
    points: z.number(),
    expected: z.number(),
    workingDaysLeft: z.number(),
  }),
  z.object({ code: z.literal('stalled'), severity: amber, since: z.string().nullable() }),
  z.object({ code: z.literal('forecast_late'), severity: amber, forecast: z.string(), workingDaysLate: z.number() }),
  z.object({ code: z.literal('unacknowledged'), severity: amber, workingDays: z.number() }),
]);

export const taskHealthSchema = z
  .object({
    light: z.enum(HEALTH_LIGHTS),
    flags: z.object({
      overdue: z.boolean(),
      stalled: z.boolean(),
      reportMissing: z.boolean(),
      unacknowledged: z.boolean(),
    }),
    reasons: z.array(healthReasonSchema),
    /** 序时进度 on the day assessed. */
    expectedProgress: z.number().nullable(),
    /** The forecast completion date from recent accepted reports. */
    forecast: z.string().nullable(),
    /** The local day the light was last assessed as it is. */
    assessedOn: z.string().nullable(),
  })
  .describe('Task health (红黄绿灯)');
export type TaskHealthView = z.infer<typeof taskHealthSchema>;
