import { z } from 'zod';

// The supervision settings (issue 5), one JSON row `supervision` in the settings table: the health
// thresholds (src/domain/task-health.ts), how often the sweep runs, and the rules for notices,
// extensions and coordination. Shared by the server (validation, defaults) and the web (the form).

export const SUPERVISION_DEFAULTS = {
  /** A missing report turns red after this many working days late (amber before). */
  missingReportRedWorkingDays: 5,
  planLagAmberPoints: 10,
  planLagRedPoints: 30,
  deadlineSoonWorkingDays: 5,
  acknowledgeWorkingDays: 2,
  forecastReports: 4,
  /** Minutes between incremental sweeps (health of changed tasks, then the ladder). */
  sweepMinutes: 5,
  /** Working days a unit has to answer a supervision notice (督办单) in writing. */
  noticeResponseWorkingDays: 5,
  /** Approved extensions a task may have; 0 = none allowed. */
  maxExtensionsPerTask: 2,
  /** A key task's extension needs its responsible leader's approval after the supervisor's. */
  leaderApprovesKeyExtensions: true,
  /**
   * A unit may still ask for an extension once the deadline has passed; the request is marked as
   * filed late, and until it is approved the task stays judged (and overdue) by the deadline it missed.
   */
  lateExtensionRequests: true,
  /** A coordination request declined or passed on this many times escalates to the lowest common leader. */
  coordinationBounceLimit: 2,
} as const;

export type SupervisionSettingsValue = {
  -readonly [K in keyof typeof SUPERVISION_DEFAULTS]: (typeof SUPERVISION_DEFAULTS)[K] extends boolean
    ? boolean
    : number;
};

const count = (max: number) => z.number().int().min(0).max(max);

/** The values an administrator may set, with their limits (the request body without `version`). */
export const supervisionSettingsValue = z.strictObject({
  missingReportRedWorkingDays: count(60),
  planLagAmberPoints: count(100),
  planLagRedPoints: count(100),
  deadlineSoonWorkingDays: count(60),
  acknowledgeWorkingDays: count(30),
  forecastReports: z.number().int().min(2).max(12),
  sweepMinutes: z.number().int().min(1).max(1440),
  noticeResponseWorkingDays: z.number().int().min(1).max(60),
  maxExtensionsPerTask: count(20),
  leaderApprovesKeyExtensions: z.boolean(),
  lateExtensionRequests: z.boolean(),
  coordinationBounceLimit: z.number().int().min(1).max(10),
});

export const supervisionSettingsSchema = supervisionSettingsValue.extend({ version: z.number().int() });
export const updateSupervisionSettingsBody = supervisionSettingsValue.extend({ version: z.number().int().positive() });
export type SupervisionSettings = z.infer<typeof supervisionSettingsSchema>;
