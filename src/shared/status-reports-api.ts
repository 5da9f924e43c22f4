import { z } from 'zod';
import { HEALTH_LIGHTS } from './health-api.js';
import { LOCALES } from './locales.js';
import { dateString } from './task-api.js';

// The implementation-report API (落实情况报告, issue 8 item 3): a weekly or monthly report on every
// item of a source (来源, e.g. one government work report) or an assessment period, generated from
// the data for the caller's scope, as JSON (the print view), .docx, PDF and .xlsx; and schedules that
// generate one and email it to chosen people. ("reports" alone are the units' progress reports.)

export const STATUS_REPORT_LIMITS = {
  /** The longest window a report covers, in days (a year and a day). */
  windowDaysMax: 366,
  nameMax: 100,
  recipientsMax: 50,
  /** Items in one report at most (the report is one document). */
  itemsMax: 5000,
  runsShown: 20,
} as const;

/** weekly = Monday–Sunday; monthly = a calendar month; custom = explicit from/to. */
export const STATUS_REPORT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type StatusReportFrequency = (typeof STATUS_REPORT_FREQUENCIES)[number];
export const STATUS_REPORT_WINDOWS = [...STATUS_REPORT_FREQUENCIES, 'custom'] as const;
export type StatusReportWindowKind = (typeof STATUS_REPORT_WINDOWS)[number];

export const STATUS_REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type StatusReportFormat = (typeof STATUS_REPORT_FORMATS)[number];

/** The document-number series: 督落〔2026〕48号 (weekly: ISO week; monthly: month). */
export const STATUS_REPORT_SERIES = { weekly: '督落周', monthly: '督落月' } as const;

const id = z.number().int().positive().max(2147483647);
const queryId = z.coerce.number().int().positive().max(2147483647);
const count = z.number().int().min(0).max(100_000_000);

/**
 * What to report on and over which days: exactly one of sourceId / periodId; `window` weekly or
 * monthly takes the week or month containing `on` (default today); custom takes from and to.
 */
export const statusReportQuery = z.strictObject({
  sourceId: queryId.optional(),
  periodId: queryId.optional(),
  window: z.enum(STATUS_REPORT_WINDOWS).default('weekly'),
  on: dateString.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  lang: z.enum(LOCALES).optional(),
});
export type StatusReportQuery = z.infer<typeof statusReportQuery>;

export const statusReportFiguresSchema = z.strictObject({
  items: count,
  closed: count,
  closedOnTime: count,
  /** Per cent of closed items closed by their deadline, one decimal; null when none is closed. */
  onTimeRate: z.number().min(0).max(100).nullable(),
  overdue: count,
  red: count,
  amber: count,
  green: count,
});
export type StatusReportFigures = z.infer<typeof statusReportFiguresSchema>;

/** A coordination request (需协调事项) of the item still open, or raised in the window. */
export const statusReportCoordinationSchema = z.strictObject({
  id,
  matter: z.string(),
  fromUnitName: z.string().nullable(),
  toName: z.string().nullable(),
  status: z.string(),
  dueDate: z.string(),
});

/** One item (task) of the report, in tree order with its 序号 (1, 1.1, 1.2 …). */
export const statusReportItemSchema = z.strictObject({
  taskId: id,
  /** 1, 1.1 …: the item's place in the source's or period's tree. */
  key: z.string(),
  depth: z.number().int().min(0).max(50),
  number: z.string(),
  title: z.string(),
  leadUnitName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.string(),
  light: z.enum(HEALTH_LIGHTS).nullable(),
  progress: z.number().min(0).max(100),
  isOverdue: z.boolean(),
  /** The latest accepted report's 工作进展 submitted in the window, or null. */
  progressMade: z.string().nullable(),
  /** 存在问题, 下步计划, 需协调事项 from the reports submitted in the window (latest first, distinct). */
  problems: z.array(z.string()),
  nextSteps: z.array(z.string()),
  coordinationNeeded: z.array(z.string()),
  coordinationRequests: z.array(statusReportCoordinationSchema),
});
export type StatusReportItem = z.infer<typeof statusReportItemSchema>;

export const statusReportSchema = z.strictObject({
  subject: z.strictObject({
    kind: z.enum(['source', 'period']),
    id,
    title: z.string(),
    docNumber: z.string().nullable(),
  }),
  window: z.strictObject({ kind: z.enum(STATUS_REPORT_WINDOWS), from: dateString, to: dateString }),
  /** 发文机关标志 line, e.g. `市人民政府督查室`. */
  letterhead: z.string(),
  /** 督落周〔2026〕48号, or empty for a custom window. */
  number: z.string(),
  heading: z.string(),
  generatedAt: z.string(),
  figures: statusReportFiguresSchema,
  items: z.array(statusReportItemSchema),
});
export type StatusReport = z.infer<typeof statusReportSchema>;

// Schedules (settings).

const weekday = z.number().int().min(1).max(7);
const dayOfMonth = z.number().int().min(1).max(28);
const hour = z.number().int().min(0).max(23);
const name = z.string().trim().min(1).max(STATUS_REPORT_LIMITS.nameMax);
const formats = z.array(z.enum(STATUS_REPORT_FORMATS)).min(1).max(3);
const recipients = z.array(id).min(1).max(STATUS_REPORT_LIMITS.recipientsMax);

const scheduleFields = {
  name,
  sourceId: id.nullable().default(null),
  periodId: id.nullable().default(null),
  frequency: z.enum(STATUS_REPORT_FREQUENCIES),
  /** Weekly: ISO weekday 1 (Monday) … 7; ignored monthly. */
  weekday: weekday.default(1),
  /** Monthly: day 1 … 28; ignored weekly. */
  dayOfMonth: dayOfMonth.default(1),
  /** The local hour the report goes out. */
  hour: hour.default(9),
  formats,
  recipientIds: recipients,
  /** Whose scope the report is generated for. */
  ownerId: id,
  enabled: z.boolean().default(true),
};

export const createScheduleBody = z.strictObject(scheduleFields);
export type CreateScheduleBody = z.infer<typeof createScheduleBody>;

export const updateScheduleBody = z.strictObject({
  name: name.optional(),
  sourceId: id.nullable().optional(),
  periodId: id.nullable().optional(),
  frequency: z.enum(STATUS_REPORT_FREQUENCIES).optional(),
  weekday: weekday.optional(),
  dayOfMonth: dayOfMonth.optional(),
  hour: hour.optional(),
  formats: formats.optional(),
  recipientIds: recipients.optional(),
  ownerId: id.optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UpdateScheduleBody = z.infer<typeof updateScheduleBody>;

export const scheduleVersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export const RUN_OUTCOMES = ['queued', 'failed'] as const;

export const scheduleRunSchema = z.strictObject({
  id,
  dueAt: z.string().nullable(),
  ranAt: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  from: z.string(),
  to: z.string(),
  items: count,
  recipients: z.array(z.strictObject({ id, name: z.string(), email: z.string().nullable() })),
  outcome: z.enum(RUN_OUTCOMES),
  error: z.string().nullable(),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;

const person = z.strictObject({ id, name: z.string() });

export const scheduleSchema = z.strictObject({
  id,
  name: z.string(),
  subject: z.strictObject({ kind: z.enum(['source', 'period']), id, title: z.string() }),
  frequency: z.enum(STATUS_REPORT_FREQUENCIES),
  weekday,
  dayOfMonth,
  hour,
  formats: z.array(z.enum(STATUS_REPORT_FORMATS)),
  recipients: z.array(person),
  owner: person,
  enabled: z.boolean(),
  lastRunAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  runs: z.array(scheduleRunSchema),
  version: z.number().int().positive(),
  createdAt: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleListSchema = z.strictObject({ items: z.array(scheduleSchema) });
