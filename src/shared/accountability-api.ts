import { z } from 'zod';
import { dateString } from './task-api.js';
import { TASK_STATUSES } from './tasks.js';

// The accountability records API (问责, issue 7 item 7): a record names a type, a subject (a unit
// and/or a person), the tasks and evidence it rests on, a proposal, the subject's statement (their
// right to respond) and a decision. Records are restricted: only the supervision office, auditors,
// the subject's leaders and the subject see them, and every read lands in the audit trail.

export const ACCOUNTABILITY_LIMITS = {
  proposalMax: 8000,
  statementMax: 20000,
  noteMax: 4000,
  evidenceNoteMax: 1000,
  tasksMax: 50,
  evidenceMax: 200,
} as const;

/** 不作为 / 乱作为 / 落实不力 / other. */
export const ACCOUNTABILITY_TYPES = ['inaction', 'misconduct', 'ineffective', 'other'] as const;
export type AccountabilityType = (typeof ACCOUNTABILITY_TYPES)[number];

/** proposed → open → responded → decided; proposed or open → dismissed. */
export const ACCOUNTABILITY_STATUSES = ['proposed', 'open', 'responded', 'decided', 'dismissed'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

/** 谈话提醒 / 书面检查 / 通报批评 / 诫勉 / 组织处理 / none. */
export const ACCOUNTABILITY_DECISIONS = [
  'talk',
  'written_review',
  'circulated_criticism',
  'admonishment',
  'organisational',
  'none',
] as const;
export type AccountabilityDecision = (typeof ACCOUNTABILITY_DECISIONS)[number];

/** What a piece of evidence points at: a timeline event, a notice, a report, a supervision action, a file. */
export const EVIDENCE_REF_TYPES = ['event', 'notice', 'report', 'action', 'file'] as const;
export type EvidenceRefType = (typeof EVIDENCE_REF_TYPES)[number];

/** What a caller may do to a record now. */
export const ACCOUNTABILITY_ACTIONS = ['open', 'statement', 'decide', 'dismiss', 'evidence'] as const;
export type AccountabilityAction = (typeof ACCOUNTABILITY_ACTIONS)[number];

/** The series letter of the records' numbers (问〔2026〕3号). */
export const ACCOUNTABILITY_SERIES = '问';

const id = z.number().int().positive().max(2147483647);
const version = z.number().int().positive();
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });

export const evidenceRefInput = z.strictObject({
  refType: z.enum(EVIDENCE_REF_TYPES),
  refId: id,
  note: z.string().max(ACCOUNTABILITY_LIMITS.evidenceNoteMax).nullable().optional(),
});
export type EvidenceRefInput = z.infer<typeof evidenceRefInput>;

/**
 * `POST /accountability`: a record opened by hand. Needs a subject unit or person (or both);
 * evidence must belong to the linked tasks. With `statementDue` it is opened at once.
 */
export const createAccountabilityBody = z.strictObject({
  type: z.enum(ACCOUNTABILITY_TYPES),
  subjectUnitId: id.nullable().optional(),
  subjectUserId: id.nullable().optional(),
  taskIds: z.array(id).max(ACCOUNTABILITY_LIMITS.tasksMax).default([]),
  evidence: z.array(evidenceRefInput).max(ACCOUNTABILITY_LIMITS.evidenceMax).default([]),
  proposal: nonBlank(ACCOUNTABILITY_LIMITS.proposalMax),
  statementDue: dateString.optional(),
});
export type CreateAccountabilityInput = z.input<typeof createAccountabilityBody>;

/** `POST /accountability/:id/open`: the subject is asked for a statement by this date. */
export const openAccountabilityBody = z.strictObject({ statementDue: dateString, version });

/** `POST /accountability/:id/statement`: the subject's written statement (情况说明). */
export const statementBody = z.strictObject({ statement: nonBlank(ACCOUNTABILITY_LIMITS.statementMax), version });

/** `POST /accountability/:id/decide`. */
export const decideBody = z.strictObject({
  decision: z.enum(ACCOUNTABILITY_DECISIONS),
  note: z.string().max(ACCOUNTABILITY_LIMITS.noteMax).nullable().optional(),
  version,
});

/** `POST /accountability/:id/dismiss`: the reason is required. */
export const dismissBody = z.strictObject({ reason: nonBlank(ACCOUNTABILITY_LIMITS.noteMax), version });

/** `POST /accountability/:id/evidence`: more references, from the linked tasks. */
export const addEvidenceBody = z.strictObject({
  items: z.array(evidenceRefInput).min(1).max(ACCOUNTABILITY_LIMITS.evidenceMax),
  version,
});

export const accountabilityQuery = z.strictObject({
  status: z.enum(ACCOUNTABILITY_STATUSES).optional(),
  type: z.enum(ACCOUNTABILITY_TYPES).optional(),
  unitId: z.coerce.number().int().positive().max(2147483647).optional(),
  taskId: z.coerce.number().int().positive().max(2147483647).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const evidenceCandidatesQuery = z.strictObject({
  taskId: z.coerce.number().int().positive().max(2147483647),
});

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

/** One piece of evidence, resolved: which task it is from, when it happened, what it is called. */
export const evidenceSchema = z.object({
  /** Null for a candidate not yet attached. */
  id: z.number().int().nullable(),
  refType: z.enum(EVIDENCE_REF_TYPES),
  refId: z.number().int(),
  /** Null when what it pointed at is gone. */
  taskId: z.number().int().nullable(),
  /** When it happened (event, issue, submission, upload). */
  at: z.string().nullable(),
  /** A code or name: the event's action, the notice's number, the action's kind, the file's name, the report's period end. */
  label: z.string(),
  note: z.string().nullable(),
  addedAt: z.string().nullable(),
  addedBy: personRef.nullable(),
});
export type AccountabilityEvidence = z.infer<typeof evidenceSchema>;

export const evidenceCandidatesSchema = z.object({ items: z.array(evidenceSchema) });

const taskRef = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
});

export const accountabilitySummarySchema = z.object({
  id: z.number().int(),
  /** `问〔2026〕3号`. */
  number: z.string(),
  type: z.enum(ACCOUNTABILITY_TYPES),
  status: z.enum(ACCOUNTABILITY_STATUSES),
  subjectUnit: unitRef.nullable(),
  subjectUser: personRef.nullable(),
  tasks: z.array(taskRef),
  /** Proposed by the escalation ladder's last rung (its supervision action), or null when opened by hand. */
  actionId: z.number().int().nullable(),
  statementDue: dateString.nullable(),
  openedAt: z.string().nullable(),
  decision: z.enum(ACCOUNTABILITY_DECISIONS).nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(ACCOUNTABILITY_ACTIONS)),
});
export type AccountabilitySummary = z.infer<typeof accountabilitySummarySchema>;

/** One write on the record, from the audit trail (reads are left out). */
export const historyEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actor: personRef.nullable(),
});

export const accountabilityRecordSchema = accountabilitySummarySchema
  .extend({
    proposal: z.string(),
    statement: z.string().nullable(),
    statementAt: z.string().nullable(),
    statementBy: personRef.nullable(),
    decisionNote: z.string().nullable(),
    decidedBy: personRef.nullable(),
    openedBy: personRef.nullable(),
    evidence: z.array(evidenceSchema),
    history: z.array(historyEntrySchema),
  })
  .describe('Accountability record (问责)');
export type AccountabilityRecord = z.infer<typeof accountabilityRecordSchema>;

export const accountabilityPageSchema = z.object({
  items: z.array(accountabilitySummarySchema),
  nextCursor: z.string().nullable(),
});
