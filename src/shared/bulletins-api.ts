import { z } from 'zod';
import { dateString } from './task-api.js';

// The bulletins API (通报, issue 7 item 6): a supervisor generates a bulletin for an assessment period
// or a date from the data, edits it section by section, and issues it under a number
// (督通〔2026〕3号); the units it names see it. The content is JSON the server validates with these
// shapes on every write, so an edited bulletin can always be rendered.

export const BULLETIN_LIMITS = {
  titleMax: 200,
  lineMax: 1000,
  linesMax: 200,
  noteMax: 4000,
  rowsMax: 500,
  unitNameMax: 200,
} as const;

/** draft → issued (then fixed). */
export const BULLETIN_STATUSES = ['draft', 'issued'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

/** Why a unit is concerned by a bulletin (bulletin_units.mention), strongest first. */
export const BULLETIN_MENTIONS = ['criticised', 'overdue', 'commended', 'ranked'] as const;
export type BulletinMention = (typeof BULLETIN_MENTIONS)[number];

/** The sections of a bulletin, in the document's order. */
export const BULLETIN_SECTIONS = [
  'figures',
  'ranking',
  'commendations',
  'criticisms',
  'overdue',
  'requirements',
] as const;
export type BulletinSection = (typeof BULLETIN_SECTIONS)[number];

/** The series of bulletin numbers: 督通〔2026〕N号. */
export const BULLETIN_SERIES = '督通';

const id = z.number().int().positive().max(2147483647);
const queryId = z.coerce.number().int().positive().max(2147483647);
const count = z.number().int().min(0).max(100_000_000);
const lineText = z.string().trim().min(1).max(BULLETIN_LIMITS.lineMax);
const note = z.string().max(BULLETIN_LIMITS.noteMax);
const unitName = z.string().max(BULLETIN_LIMITS.unitNameMax);

/** One editable line; `unitId` / `taskId` say whom it concerns (the unit is told; a rectification can follow). */
export const bulletinLineSchema = z.strictObject({
  text: lineText,
  unitId: id.nullable(),
  taskId: id.nullable(),
});
export type BulletinLine = z.infer<typeof bulletinLineSchema>;

/** A section of text lines and a free paragraph after them. */
const textSection = z.strictObject({
  lines: z.array(bulletinLineSchema).max(BULLETIN_LIMITS.linesMax),
  note,
});

/** The overall figures as generated (kept so the preview and document can show them as a table). */
export const bulletinFiguresSchema = z.strictObject({
  asOf: dateString,
  total: count,
  closed: count,
  closedOnTime: count,
  /** Per cent of closed tasks closed by their deadline, one decimal; null when none is closed. */
  onTimeRate: z.number().min(0).max(100).nullable(),
  overdue: count,
  red: count,
  amber: count,
});
export type BulletinFigures = z.infer<typeof bulletinFiguresSchema>;

/** A league-table row: the lead-unit score of a period in points (two decimals). */
export const rankingRowSchema = z.strictObject({
  rank: z.number().int().min(1).max(100_000),
  unitId: id,
  unitName,
  score: z.number().min(-1_000_000).max(1_000_000),
  taskCount: count,
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

/** An open task past its deadline on the as-of date. */
export const overdueRowSchema = z.strictObject({
  taskId: id,
  taskNumber: z.string().max(40),
  title: z.string().max(300),
  unitId: id.nullable(),
  unitName: unitName.nullable(),
  deadline: dateString,
  workingDaysOverdue: z.number().int().min(0).max(100_000),
});
export type OverdueRow = z.infer<typeof overdueRowSchema>;

export const bulletinContentSchema = z.strictObject({
  figures: textSection.extend({ stats: bulletinFiguresSchema }),
  ranking: z.strictObject({
    /** The period the table comes from (a date bulletin takes the latest frozen one), or null. */
    periodId: id.nullable(),
    periodName: z.string().max(200).nullable(),
    rows: z.array(rankingRowSchema).max(BULLETIN_LIMITS.rowsMax),
    note,
  }),
  commendations: textSection,
  criticisms: textSection,
  overdue: z.strictObject({ rows: z.array(overdueRowSchema).max(BULLETIN_LIMITS.rowsMax), note }),
  requirements: textSection,
});
export type BulletinContent = z.infer<typeof bulletinContentSchema>;

/** `POST /bulletins`: for a period (ranking from its stored results) or for a date; exactly one. */
export const createBulletinBody = z
  .strictObject({
    periodId: id.optional(),
    asOf: dateString.optional(),
    title: z.string().trim().min(1).max(BULLETIN_LIMITS.titleMax).optional(),
  })
  .refine((body) => (body.periodId === undefined) !== (body.asOf === undefined), {
    message: 'periodId or asOf, exactly one',
    path: ['periodId'],
  });
export type CreateBulletinInput = z.infer<typeof createBulletinBody>;

/** `PATCH /bulletins/:id`: edits a draft. */
export const updateBulletinBody = z.strictObject({
  title: z.string().trim().min(1).max(BULLETIN_LIMITS.titleMax).optional(),
  content: bulletinContentSchema.optional(),
  version: z.number().int().positive(),
});
export type UpdateBulletinInput = z.infer<typeof updateBulletinBody>;

export const bulletinVersionBody = z.strictObject({ version: z.number().int().positive() });

export const bulletinsQuery = z.strictObject({
  status: z.enum(BULLETIN_STATUSES).optional(),
  /** `true`: only those my unit has not read yet (the inbox); for a unit's people only. */
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  periodId: queryId.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const periodRef = z.object({ id: z.number().int(), name: z.string() });

/** What the caller may do to the bulletin now. */
export const BULLETIN_ACTIONS = ['edit', 'regenerate', 'issue'] as const;
export type BulletinAction = (typeof BULLETIN_ACTIONS)[number];

export const bulletinSummarySchema = z.object({
  id: z.number().int(),
  /** `督通〔2026〕3号` once issued. */
  number: z.string().nullable(),
  title: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  period: periodRef.nullable(),
  asOf: dateString,
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
  /** For a unit's people: why their unit is named and whether it has read it; else null. */
  myUnit: z.object({ mention: z.enum(BULLETIN_MENTIONS), readAt: z.string().nullable() }).nullable(),
});
export type BulletinSummary = z.infer<typeof bulletinSummarySchema>;

export const bulletinSchema = bulletinSummarySchema
  .extend({
    content: bulletinContentSchema,
    issuedBy: personRef.nullable(),
    createdBy: personRef.nullable(),
    updatedAt: z.string(),
    /** Whose letterhead it bears (the root unit of the organisation), when known. */
    organisation: z.string().nullable(),
    /** The units it concerns, once issued (who has read it: supervision, leaders and auditors only). */
    units: z.array(
      z.object({
        unitId: z.number().int(),
        name: z.string(),
        mention: z.enum(BULLETIN_MENTIONS),
        readAt: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
    allowedActions: z.array(z.enum(BULLETIN_ACTIONS)),
  })
  .describe('Bulletin (通报)');
export type Bulletin = z.infer<typeof bulletinSchema>;

export const bulletinPageSchema = z.object({
  items: z.array(bulletinSummarySchema),
  nextCursor: z.string().nullable(),
});
