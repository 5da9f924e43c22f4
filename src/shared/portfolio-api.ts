import { z } from 'zod';
import { taskHealthSchema } from './health-api.js';
import { TASK_STATUSES } from './tasks.js';

// "My portfolio" (我的分管, issue 8 item 2): for a leader, the open tasks led by the units in their
// charge and below, grouped by lead unit with the lights counted, worst unit first. The supervision
// office and administrators preview any unit's portfolio by naming it. The web takes its types from
// here (type-only imports).

export const PORTFOLIO_LIMITS = {
  /** Tasks listed per unit; the rest is only counted (`more`), so a big unit stays fast. */
  tasksPerUnit: 50,
} as const;

const id = z.coerce.number().int().positive().max(2147483647);

/** `GET /portfolio?unitId=&keyOnly=`: unitId narrows to one unit of the charge (and its subtree). */
export const portfolioQuery = z.strictObject({
  unitId: id.optional(),
  keyOnly: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type PortfolioQuery = z.input<typeof portfolioQuery>;

export const portfolioCountsSchema = z.object({
  total: z.number().int(),
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  /** Open tasks the sweep has not lit yet. */
  unlit: z.number().int(),
  overdue: z.number().int(),
});
export type PortfolioCounts = z.infer<typeof portfolioCountsSchema>;

export const portfolioTaskSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  isKey: z.boolean(),
  deadline: z.string().nullable(),
  progress: z.number(),
  overdue: z.boolean(),
  health: taskHealthSchema.nullable(),
});
export type PortfolioTask = z.infer<typeof portfolioTaskSchema>;

export const portfolioUnitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  path: z.string(),
  counts: portfolioCountsSchema,
  tasks: z.array(portfolioTaskSchema),
  /** Open tasks of the unit not listed (beyond the cap). */
  more: z.number().int(),
});
export type PortfolioUnit = z.infer<typeof portfolioUnitSchema>;

export const portfolioSchema = z
  .object({
    /** The units the view covers: the caller's units in charge, or the one unit asked for. */
    charge: z.array(z.object({ id: z.number().int(), name: z.string() })),
    totals: portfolioCountsSchema,
    /** Lead units with open tasks, most red first. */
    units: z.array(portfolioUnitSchema),
  })
  .describe('A leader portfolio (我的分管)');
export type Portfolio = z.infer<typeof portfolioSchema>;
