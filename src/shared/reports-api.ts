import { z } from 'zod';
import { REVIEW_ACTIONS, REVIEW_STATUSES } from '../domain/review-flow.js';
import { fileViewSchema } from './files-api.js';
import { planItemId } from './plans-api.js';
import { PUBLIC_LIMITS } from './public-api.js';
import { dateString } from './task-api.js';

// The reporting API (进展反馈, issue 4 items 2, 3, 5, 6): reporting cycles, report slots, reports
// and their review, the formalism guards' findings, the supervision queue and the settings. The
// server validates and documents with these; the web takes its types from them.

/** How often a task reports (周而复始). */
export const REPORT_CYCLE_KINDS = ['none', 'weekly', 'biweekly', 'monthly', 'quarterly', 'custom'] as const;
export type ReportCycleKind = (typeof REPORT_CYCLE_KINDS)[number];

/** The organisation-wide default cycle: any kind but `custom` (custom dates belong to one task). */
export const DEFAULT_CYCLE_KINDS = ['none', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;

/** A report's status: the review flow's words (src/domain/review-flow.ts). */
export const REPORT_STATUSES = REVIEW_STATUSES;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = REVIEW_ACTIONS;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** The lead unit's report goes to the supervision office; a cooperating unit's part stops at its head. */
export const REPORT_ROLES = ['lead', 'cooperating'] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];

/** Reports at least this similar (0–1) to another are flagged as duplicates (重复/雷同). */
export const DUPLICATE_SIMILARITY = 0.9;

export const REPORT_LIMITS = {
  textMax: 20000,
  explanationMax: 2000,
  reasonMax: 2000,
  customDatesMax: 400,
  filesMax: 50,
  targetsMax: 50,
  milestonesMax: 100,
  dueWorkingDaysMin: 0,
  dueWorkingDaysMax: 30,
  stalledCyclesMin: 1,
  stalledCyclesMax: 24,
} as const;

export const REPORT_SETTING_DEFAULTS = { defaultCycle: 'monthly', dueWorkingDays: 3, stalledCycles: 2 } as const;

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const id = z.number().int().positive().max(2147483647);

/** A task's reporting cycle; `isDefault` when the task has none of its own and follows the setting. */
export const reportCycleSchema = z
  .object({
    kind: z.enum(REPORT_CYCLE_KINDS),
    customDates: z.array(dateString),
    anchorDate: dateString.nullable(),
    isDefault: z.boolean(),
    /** 0 while the task follows the default (send 0 to set its first own cycle). */
    version: z.number().int(),
  })
  .describe('Reporting cycle (报送周期)');

/** `PUT /tasks/:id/report-cycle`. */
export const updateReportCycleBody = z
  .strictObject({
    version: z.number().int().min(0),
    kind: z.enum(REPORT_CYCLE_KINDS),
    customDates: z.array(dateString).max(REPORT_LIMITS.customDatesMax).optional(),
    anchorDate: dateString.nullable().optional(),
  })
  .refine((body) => body.kind !== 'custom' || (body.customDates?.length ?? 0) > 0, {
    message: 'required',
    path: ['customDates'],
  });

export const reportSettingsSchema = z.object({
  defaultCycle: z.enum(DEFAULT_CYCLE_KINDS),
  /** A period's report is due on this working day after the period ends. */
  dueWorkingDays: z.number().int(),
  /** A task whose accepted percent has not moved for this many cycles is marked stalled. */
  stalledCycles: z.number().int(),
  version: z.number().int(),
});

export const updateReportSettingsBody = z.strictObject({
  version: z.number().int().positive(),
  defaultCycle: z.enum(DEFAULT_CYCLE_KINDS),
  dueWorkingDays: z.number().int().min(REPORT_LIMITS.dueWorkingDaysMin).max(REPORT_LIMITS.dueWorkingDaysMax),
  stalledCycles: z.number().int().min(REPORT_LIMITS.stalledCyclesMin).max(REPORT_LIMITS.stalledCyclesMax),
});

/** A report as lists show it. */
export const reportSummarySchema = z.object({
  id: z.number().int(),
  periodId: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(REPORT_ROLES),
  status: z.enum(REPORT_STATUSES),
  percent: z.number().nullable(),
  /** First time the unit sent it on (null while a draft never submitted). */
  submittedAt: z.string().nullable(),
  /** Working days after the due date it was first submitted; 0 on time, null before submission. */
  lateWorkingDays: z.number().int().nullable(),
  /** Highest similarity found to another report at the last submission (0–1), with that report. */
  similarity: z.number().nullable(),
  similarReportId: z.number().int().nullable(),
  /** similarity ≥ DUPLICATE_SIMILARITY: 重复/雷同. */
  flagged: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});

/** One report slot: a unit's report for a period (or none written yet). */
export const reportSlotSchema = z.object({
  periodId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(REPORT_ROLES),
  /** Null when the slot has no report, or only another unit's draft the caller may not see. */
  report: reportSummarySchema.nullable(),
});

export const reportPeriodSchema = z.object({
  start: dateString,
  end: dateString,
  dueDate: dateString,
  /** The lead unit's report is due and not submitted: working days since the due date; else null. */
  missingWorkingDays: z.number().int().nullable(),
  slots: z.array(reportSlotSchema),
});

/** `GET /tasks/:id/reports`: the cycle, the stalled mark and every period with its slots, newest first. */
export const taskReportsSchema = z
  .object({
    cycle: reportCycleSchema,
    dueWorkingDays: z.number().int(),
    stalled: z.boolean(),
    stalledSince: z.string().nullable(),
    /** The units whose slots the caller may write in. */
    ownUnitIds: z.array(z.number().int()),
    canSetCycle: z.boolean(),
    periods: z.array(reportPeriodSchema),
  })
  .describe("A task's reports by period");

/** The report content as submitted: what a round's snapshot holds. */
export const reportContentSchema = z.object({
  doneText: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  coordination: z.string(),
  percent: z.number().nullable(),
  targetValues: z.record(z.string(), z.number()),
  milestonesDone: z.array(z.string()),
  explanation: z.string().nullable(),
  fileIds: z.array(z.number().int()),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export const reportRoundSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: personRef.nullable(),
  /** submit | approve | return | accept */
  action: z.string(),
  reason: z.string().nullable(),
  /** On submissions: the report as submitted. */
  snapshot: reportContentSchema.nullable(),
});

/** A cooperating unit's part of the same period, shown on the lead unit's report (汇总). */
export const reportPartSchema = reportSummarySchema.extend({
  doneText: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  coordination: z.string(),
});

export const reportDetailSchema = reportSummarySchema
  .extend({
    task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
    period: z.object({ start: dateString, end: dateString, dueDate: dateString }),
    doneText: z.string(),
    problems: z.string(),
    nextSteps: z.string(),
    coordination: z.string(),
    targetValues: z.record(z.string(), z.number()),
    milestonesDone: z.array(z.string()),
    explanation: z.string().nullable(),
    /** What the public page shows once the report is accepted (公开督办); null when none. */
    publicSummary: z.string().nullable(),
    /** Evidence files (part A's file view). */
    files: z.array(fileViewSchema),
    rounds: z.array(reportRoundSchema),
    /** On a lead report: the cooperating units' submitted parts of the same period. */
    parts: z.array(reportPartSchema),
    allowedActions: z.array(z.enum(REPORT_ACTIONS)),
    canEdit: z.boolean(),
    createdBy: personRef.nullable(),
    createdAt: z.string(),
  })
  .describe('Progress report (进展反馈)');

/** `POST /tasks/:id/reports`: start (or reopen) the caller's unit's report for a slot. */
export const createReportBody = z.strictObject({ periodId: id });

const reportText = z.string().max(REPORT_LIMITS.textMax);

/** `PUT /reports/:id`: save the draft (the form autosaves); only the fields sent change. */
export const saveReportBody = z.strictObject({
  version: z.number().int().positive(),
  doneText: reportText.optional(),
  problems: reportText.optional(),
  nextSteps: reportText.optional(),
  coordination: reportText.optional(),
  percent: z.number().min(0).max(100).nullable().optional(),
  targetValues: z
    .record(planItemId, z.number().finite().min(-1e12).max(1e12))
    .refine((values) => Object.keys(values).length <= REPORT_LIMITS.targetsMax, { message: 'too many' })
    .optional(),
  milestonesDone: z.array(planItemId).max(REPORT_LIMITS.milestonesMax).optional(),
  explanation: z.string().max(REPORT_LIMITS.explanationMax).nullable().optional(),
  /** Visible to the public once accepted (公开督办). */
  publicSummary: z.string().max(PUBLIC_LIMITS.summaryMax).nullable().optional(),
  fileIds: z.array(id).max(REPORT_LIMITS.filesMax).optional(),
});

/** `POST /reports/:id/actions`. */
export const reportActionBody = z.strictObject({
  action: z.enum(REPORT_ACTIONS),
  reason: z.string().max(REPORT_LIMITS.reasonMax).nullable().optional(),
  version: z.number().int().positive(),
});

const comparedReport = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  taskNumber: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  periodEnd: dateString,
  status: z.enum(REPORT_STATUSES),
  /** 进展情况, 存在问题 and 下步措施 joined by blank lines: what similarity is measured on. */
  text: z.string(),
});

/** `GET /reports/:id/compare/:otherId`: both texts and a character-level diff (left → right). */
export const reportCompareSchema = z
  .object({
    left: comparedReport,
    right: comparedReport,
    similarity: z.number(),
    diff: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
  })
  .describe('Two reports side by side');

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `GET /reports/review-queue`: reports waiting for the supervision office, oldest first. */
export const reviewQueueQuery = z.strictObject({
  late: queryBoolean.optional(),
  flagged: queryBoolean.optional(),
  key: queryBoolean.optional(),
  unitId: z.coerce.number().int().positive().max(2147483647).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reviewQueueItemSchema = reportSummarySchema.extend({
  task: z.object({ id: z.number().int(), number: z.string(), title: z.string(), isKey: z.boolean() }),
  period: z.object({ start: dateString, end: dateString, dueDate: dateString }),
});

export const reviewQueueSchema = z.object({
  items: z.array(reviewQueueItemSchema),
  nextCursor: z.string().nullable(),
});
