import { z } from 'zod';

// The case library API (先进典型 / 反面典型, issue 7 item 5): cases written up by the supervision
// office, linked to a task, a unit and an assessment period; an exemplary practice may be marked
// "to spread" (推广) and each unit asked records whether it adopts it. The server validates and
// documents with these shapes; the web takes its types from them (type-only imports).

export const CASE_LIMITS = {
  titleMax: 200,
  summaryMax: 2000,
  writeUpMax: 50000,
  noteMax: 2000,
  searchMax: 100,
  /** Units one spread request may name. */
  unitsMax: 2000,
} as const;

/** 先进典型 (a practice worth spreading) or 反面典型 (a warning). */
export const CASE_KINDS = ['exemplary', 'negative'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** draft (supervision only) → published → archived (kept, no longer current). */
export const CASE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A unit asked to adopt a practice starts `pending` and answers with one of the others. */
export const ADOPTION_STATUSES = ['pending', 'planned', 'adopted', 'not_applicable'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
/** The answers a unit may give (it cannot go back to `pending`). */
export const ADOPTION_ANSWERS = ['planned', 'adopted', 'not_applicable'] as const;
export type AdoptionAnswer = (typeof ADOPTION_ANSWERS)[number];

/** What the caller may do to a case now; `adopt` = record my unit's adoption. */
export const CASE_ACTIONS = ['edit', 'publish', 'archive', 'spread', 'adopt'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const id = z.number().int().positive().max(2147483647);
const queryId = z.coerce.number().int().positive().max(2147483647);
const version = z.number().int().positive();

const title = z.string().trim().min(1).max(CASE_LIMITS.titleMax);
const summary = z.string().trim().min(1).max(CASE_LIMITS.summaryMax);
const writeUp = z.string().trim().min(1).max(CASE_LIMITS.writeUpMax);

/** `POST /cases`: a new case, a draft. Links are optional. */
export const createCaseBody = z.strictObject({
  kind: z.enum(CASE_KINDS),
  title,
  summary,
  writeUp,
  taskId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  periodId: id.nullable().optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseBody>;

/** `PATCH /cases/:id`: edit a draft or published case; `kind` only while it is not being spread. */
export const updateCaseBody = z.strictObject({
  kind: z.enum(CASE_KINDS).optional(),
  title: title.optional(),
  summary: summary.optional(),
  writeUp: writeUp.optional(),
  taskId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  periodId: id.nullable().optional(),
  version,
});
export type UpdateCaseInput = z.infer<typeof updateCaseBody>;

/** `POST /cases/:id/publish` and `/archive`. */
export const caseVersionBody = z.strictObject({ version });

/**
 * `POST /cases/:id/spread`: ask units to adopt a published exemplary practice. The units are
 * those chosen plus every active unit under `subtreeUnitId` (inclusive); the case's own unit is
 * never asked. Spreading again adds units; earlier answers stay.
 */
export const spreadCaseBody = z
  .strictObject({
    unitIds: z.array(id).max(CASE_LIMITS.unitsMax).default([]),
    subtreeUnitId: id.nullable().optional(),
    version,
  })
  .refine((body) => body.unitIds.length > 0 || body.subtreeUnitId, {
    message: 'Choose units or a unit subtree',
    path: ['unitIds'],
  });
export type SpreadCaseInput = z.input<typeof spreadCaseBody>;

/** `PUT /cases/:id/adoptions/:unitId`: the unit's answer (version of the adoption row). */
export const adoptionBody = z.strictObject({
  status: z.enum(ADOPTION_ANSWERS),
  note: z.string().trim().max(CASE_LIMITS.noteMax).nullable().optional(),
  version,
});
export type AdoptionInput = z.infer<typeof adoptionBody>;

export const caseParams = z.strictObject({ id: queryId });
export const adoptionParams = z.strictObject({ id: queryId, unitId: queryId });

export const casesQuery = z.strictObject({
  kind: z.enum(CASE_KINDS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** The unit the case is about. */
  unitId: queryId.optional(),
  periodId: queryId.optional(),
  taskId: queryId.optional(),
  toSpread: z.enum(['true', 'false']).optional(),
  /** Only practices my unit is asked to adopt. */
  askedOfMe: z.enum(['true', 'false']).optional(),
  /** Words in the title. */
  q: z.string().trim().max(CASE_LIMITS.searchMax).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const unitRef = z.object({ id: z.number().int(), name: z.string() });
const personRef = z.object({ id: z.number().int(), displayName: z.string() });

/** Counts of adoption answers. `total` = units asked. */
export const adoptionCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  planned: z.number().int(),
  adopted: z.number().int(),
  notApplicable: z.number().int(),
});
export type AdoptionCounts = z.infer<typeof adoptionCountsSchema>;

export const adoptionSchema = z.object({
  caseId: z.number().int(),
  unit: unitRef,
  status: z.enum(ADOPTION_STATUSES),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: personRef.nullable(),
  version: z.number().int(),
  /** The caller may record this answer (its own unit, or supervision). */
  canAnswer: z.boolean(),
});
export type Adoption = z.infer<typeof adoptionSchema>;

/** A case in the library list (without the long write-up). */
export const caseSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  title: z.string(),
  summary: z.string(),
  task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }).nullable(),
  unit: unitRef.nullable(),
  period: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  toSpread: z.boolean(),
  publishedAt: z.string().nullable(),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  adoptionCounts: adoptionCountsSchema,
  /** My unit's adoption row when it is asked. */
  myAdoption: adoptionSchema.nullable(),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseSchema = caseSummarySchema
  .extend({ writeUp: z.string(), adoptions: z.array(adoptionSchema) })
  .describe('Case (先进典型 / 反面典型)');
export type CaseView = z.infer<typeof caseSchema>;

export const casePageSchema = z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() });
export const adoptionListSchema = z.object({ counts: adoptionCountsSchema, items: z.array(adoptionSchema) });
export type AdoptionList = z.infer<typeof adoptionListSchema>;
