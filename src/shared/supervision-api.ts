import { z } from 'zod';
import { HEALTH_LIGHTS } from './health-api.js';
import { LADDER_ACTIONS } from './ladder-api.js';

// The supervision desk and the task's ladder actions (issue 5 items 2 and 9): shapes shared by the
// server and the web.

export const SUPERVISION_LIMITS = { messageMax: 500, urgeTasksMax: 200 } as const;

/** Urge (催办) or remind by hand, one task or many; `message` is the supervisor's own words. */
export const urgeBody = z.strictObject({
  taskIds: z.array(z.number().int().positive().max(2147483647)).min(1).max(SUPERVISION_LIMITS.urgeTasksMax),
  kind: z.enum(['reminder', 'urge']).default('urge'),
  message: z.string().trim().max(SUPERVISION_LIMITS.messageMax).default(''),
});

export const urgeResultSchema = z.object({
  /** One action per task, in the order asked. */
  actions: z.array(z.object({ taskId: z.number().int(), actionId: z.number().int(), recipients: z.number().int() })),
});

export const supervisionActionSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(LADDER_ACTIONS),
    origin: z.enum(['ladder', 'manual']),
    ruleId: z.string().nullable(),
    trigger: z.string().nullable(),
    dueOn: z.string().nullable(),
    /** Ladder actions: working days from the trigger's anchor (deadline, due date…) to the firing day. */
    workingDays: z.number().int().nullable(),
    message: z.string().nullable(),
    recipientCount: z.number().int(),
    noticeId: z.number().int().nullable(),
    actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
    task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
  })
  .describe('A ladder or supervisor action (提醒/催办/督办/约谈/问责)');
export type SupervisionActionView = z.infer<typeof supervisionActionSchema>;

/** An action the ladder will take soon (not recorded yet). */
export const pendingActionSchema = z.object({
  ruleId: z.string(),
  kind: z.enum(LADDER_ACTIONS),
  trigger: z.string(),
  dueOn: z.string(),
  task: z.object({ id: z.number().int(), number: z.string(), title: z.string(), deadline: z.string().nullable() }),
});

export const deskSchema = z
  .object({
    /** Open tasks by light, and with each flag, as of the last sweep. */
    lights: z.object({ green: z.number().int(), amber: z.number().int(), red: z.number().int() }),
    flags: z.object({
      overdue: z.number().int(),
      stalled: z.number().int(),
      reportMissing: z.number().int(),
      unacknowledged: z.number().int(),
    }),
    /** Tasks waiting for the next sweep (changed since the last one). */
    queued: z.number().int(),
    /** Actions recorded in the last 7 days, by kind. */
    actionsThisWeek: z.record(z.enum(LADDER_ACTIONS), z.number().int()),
    recentActions: z.array(supervisionActionSchema),
    /** What the ladder will do in the next few working days if nothing changes. */
    pendingActions: z.array(pendingActionSchema),
    lastFullSweepDay: z.string().nullable(),
  })
  .describe('The supervision desk (督查工作台)');
export type DeskView = z.infer<typeof deskSchema>;

export const actionPageQuery = z.strictObject({
  kind: z.enum(LADDER_ACTIONS).optional(),
  origin: z.enum(['ladder', 'manual']).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const actionPageSchema = z.object({
  items: z.array(supervisionActionSchema),
  nextCursor: z.string().nullable(),
});

export const taskSupervisionSchema = z.object({
  actions: z.array(supervisionActionSchema),
  /** May the caller urge this task by hand. */
  canUrge: z.boolean(),
});

export const lightFilterSchema = z.enum(HEALTH_LIGHTS);
