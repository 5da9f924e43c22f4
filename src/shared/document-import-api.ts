import { z } from 'zod';
import { createSourceBody, dateString } from './task-api.js';
import { TASK_LIMITS } from './tasks.js';

// The document import API (issue 6 item 4): parse a pasted or uploaded document into a task tree
// to review (nothing written), then register the reviewed tree with its source in one transaction.
// The server validates and documents with these; the web takes its types from them.

export const DOCUMENT_IMPORT_LIMITS = {
  /** Characters of text, as pasted or extracted: the same as a source's full text. */
  textMax: TASK_LIMITS.sourceTextMax,
  /** Bytes of an uploaded .txt/.md/.docx. */
  fileMaxBytes: 10 * 1024 * 1024,
  /** Items in one registered tree, and how deep it may go. */
  itemsMax: 500,
  depthMax: 6,
  aliasesMax: 200,
  aliasMax: 100,
  yearMin: 1949,
  yearMax: 2100,
} as const;

/** File name endings the upload accepts (.docx is also checked by its bytes). */
export const DOCUMENT_FILE_TYPES = ['.txt', '.md', '.docx'] as const;

/** Traditional ↔ Simplified conversion while normalising: the organisation's choice. */
export const CONVERT_OPTIONS = ['none', 't2s', 's2t'] as const;

const year = z.number().int().min(DOCUMENT_IMPORT_LIMITS.yearMin).max(DOCUMENT_IMPORT_LIMITS.yearMax);

/** Parse options, in a JSON body or as multipart fields (strings there, hence the coercion). */
export const parseOptionsSchema = z.strictObject({
  year: z.coerce.number().pipe(year).nullable().optional(),
  convert: z.enum(CONVERT_OPTIONS).optional(),
});

/** POST /imports/document/parse with JSON: the pasted text. */
export const parseTextBody = parseOptionsSchema.extend({
  text: z
    .string()
    .min(1)
    .max(DOCUMENT_IMPORT_LIMITS.textMax)
    .refine((value) => value.trim().length > 0, { message: 'required' }),
});

const changeSchema = z.object({
  kind: z.enum(['pinyin', 'width', 'space', 'linebreak', 'mojibake', 'mojibake_suspect', 'convert']),
  offset: z.number().int(),
  before: z.string(),
  after: z.string(),
  note: z.string().optional(),
});

/** One parsed item (src/domain/docparse/types.ts ParsedItem), children nested. */
export const parsedItemSchema = z.object({
  path: z.string(),
  marker: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  lead: z.array(z.string()),
  cooperating: z.array(z.string()),
  leaders: z.array(z.string()),
  deadline: z.string().nullable(),
  deadline_iso: z.string().nullable(),
  ongoing: z.boolean(),
  line: z.number().int(),
  get children(): z.ZodArray<typeof parsedItemSchema> {
    return z.array(parsedItemSchema);
  },
});

const candidateSchema = z.object({
  unitId: z.number().int(),
  name: z.string(),
  score: z.number(),
  via: z.enum(['name', 'short_name', 'alias', 'context', 'normalised', 'abbreviation', 'fuzzy']),
});

export const unitMatchSchema = z.object({
  status: z.enum(['matched', 'ambiguous', 'unknown']),
  unitId: z.number().int().optional(),
  candidates: z.array(candidateSchema),
});

export const parseResultSchema = z
  .object({
    original: z.string(),
    text: z.string(),
    changes: z.array(changeSchema),
    document: z.object({
      year: z.number().int().nullable(),
      yearSource: z.string().nullable(),
      docNumber: z.string().nullable(),
      title: z.string().nullable(),
      items: z.array(parsedItemSchema),
    }),
    /** Each unit name as written → how it matches the unit tree. */
    units: z.record(z.string(), unitMatchSchema),
    /** SHA-256 of the normalised text: the same document imported again has the same hash. */
    contentHash: z.string(),
    duplicateOf: z.object({ sourceId: z.number().int(), title: z.string(), importedAt: z.string() }).optional(),
  })
  .describe('A parsed document, for review (nothing is written)');

/** One item of the reviewed tree: unit ids, not names; children nested. */
export const importItemSchema = z.strictObject({
  title: z
    .string()
    .min(1)
    .max(TASK_LIMITS.titleMax)
    .refine((value) => value.trim().length > 0, { message: 'required' }),
  body: z.string().max(TASK_LIMITS.descriptionMax).nullable().optional(),
  /** Null with no cooperating units: the item inherits its parent's units. */
  leadUnitId: z.number().int().positive().nullable(),
  cooperatingUnitIds: z.array(z.number().int().positive()).max(TASK_LIMITS.cooperatingUnitsMax),
  responsibleLeaderId: z.number().int().positive().nullable().optional(),
  /** Null: the parent's deadline (none for an ongoing duty). */
  deadline: dateString.nullable(),
  ongoing: z.boolean().optional(),
  isKey: z.boolean().optional(),
  get children(): z.ZodOptional<z.ZodArray<typeof importItemSchema>> {
    return z.array(importItemSchema).max(DOCUMENT_IMPORT_LIMITS.itemsMax).optional();
  },
});

/** POST /imports/document/register: the reviewed tree, its source, and the unit names mapped by hand. */
export const registerImportBody = z.strictObject({
  source: createSourceBody,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  mode: z.enum(['draft', 'assign']),
  items: z.array(importItemSchema).min(1).max(DOCUMENT_IMPORT_LIMITS.itemsMax),
  aliases: z
    .array(
      z.strictObject({
        written: z
          .string()
          .min(1)
          .max(DOCUMENT_IMPORT_LIMITS.aliasMax)
          .refine((value) => value.trim().length > 0, { message: 'required' }),
        unitId: z.number().int().positive(),
      }),
    )
    .max(DOCUMENT_IMPORT_LIMITS.aliasesMax)
    .default([]),
  /** Register although this document was imported before (its tasks are updated, not duplicated). */
  confirmDuplicate: z.literal(true).optional(),
});

export const registerResultSchema = z
  .object({
    sourceId: z.number().int(),
    /** Every task of the tree, parents before children. */
    tasks: z.array(
      z.object({
        id: z.number().int(),
        number: z.string(),
        title: z.string(),
        depth: z.number().int(),
        status: z.string(),
        /** False when an earlier import of this document made it and this one updated it. */
        created: z.boolean(),
      }),
    ),
    /** Unit names remembered as aliases. */
    aliasesAdded: z.array(z.object({ unitId: z.number().int(), alias: z.string() })),
  })
  .describe('What a document import registered');

export type ParseResult = z.infer<typeof parseResultSchema>;
export type ParsedItemView = z.infer<typeof parsedItemSchema>;
export type UnitMatchView = z.infer<typeof unitMatchSchema>;
export type ImportItem = z.input<typeof importItemSchema>;
export type RegisterImportInput = z.input<typeof registerImportBody>;
export type RegisterImportResult = z.infer<typeof registerResultSchema>;
