import { z } from 'zod';
import { isCalendarDate } from './calendar.js';
import { HEALTH_FLAGS, HEALTH_LIGHTS, taskHealthSchema } from './health-api.js';
import { SOURCE_KINDS, TASK_ACTIONS, TASK_LIMITS, TASK_PRIORITIES, TASK_STATUSES } from './tasks.js';

// The tasks API's request and answer shapes: the server validates and documents with these; the
// web takes its types from them (type-only imports).

/** A calendar date, `YYYY-MM-DD` (deadlines are dates, not instants); `2026-02-30` is refused. */
export const dateString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .refine(isCalendarDate, { message: 'not a calendar date' });

/** Text that must say something: whitespace alone is refused like an empty string. */
function nonBlank(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });
}

/** What a task is: an ordinary task, or a rectification item (整改, issue 7: src/shared/rectifications-api.ts). */
export const TASK_KINDS = ['task', 'rectification'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const sourceSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: dateString.nullable(),
    hasFullText: z.boolean(),
    taskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .describe('Source (来源)');

export const sourceDetailSchema = sourceSchema.extend({ fullText: z.string().nullable() });

export const taskSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
    title: z.string(),
    kind: z.enum(TASK_KINDS),
    status: z.enum(TASK_STATUSES),
    isKey: z.boolean(),
    priority: z.enum(TASK_PRIORITIES),
    isPublic: z.boolean(),
    category: z.string().nullable(),
    tags: z.array(z.string()),
    sourceId: z.number().int().nullable(),
    leadUnit: unitRef.nullable(),
    cooperatingUnitIds: z.array(z.number().int()),
    responsibleLeader: personRef.nullable(),
    responsiblePerson: personRef.nullable(),
    startDate: dateString.nullable(),
    deadline: dateString.nullable(),
    /** The deadline as first set; differs from `deadline` after an approved extension. */
    originalDeadline: dateString.nullable(),
    progress: z.number(),
    weight: z.number(),
    childCount: z.number().int(),
    /** The light with its reasons, as of the last sweep; null when the task is not open. */
    health: taskHealthSchema.nullable(),
    /** Deadline passed and the task is still open. */
    overdue: z.boolean(),
    /** Assigned, but the lead unit has not acknowledged yet. */
    unacknowledged: z.boolean(),
    /** Not acknowledged within the configured number of working days after assignment. */
    acknowledgementOverdue: z.boolean(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .describe('Task (list item)');

export const taskUnitSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(['lead', 'cooperating']),
  part: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: personRef.nullable(),
});

export const taskEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: personRef.nullable(),
  action: z.string(),
  fromStatus: z.enum(TASK_STATUSES).nullable(),
  toStatus: z.enum(TASK_STATUSES).nullable(),
  reason: z.string().nullable(),
  /** The entry's particulars (a message, a number, dates), scalar values only. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});

export const taskDetailSchema = taskSummarySchema
  .extend({
    description: z.string().nullable(),
    source: sourceSchema.nullable(),
    units: z.array(taskUnitSchema),
    ancestors: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string() })),
    children: z.array(taskSummarySchema),
    deadlineWorkingDays: z.number().int().nullable(),
    assignedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdBy: personRef.nullable(),
    createdAt: z.string(),
    /** Status actions the caller may take now. */
    allowedActions: z.array(z.enum(TASK_ACTIONS)),
    /** Whether the caller may edit the task's fields (supervisors, admins). */
    canEdit: z.boolean(),
    /** The cooperating unit whose part the caller may edit, if any. */
    editablePartUnitId: z.number().int().nullable(),
    history: z.array(taskEventSchema),
  })
  .describe('Task (detail)');

const title = nonBlank(TASK_LIMITS.titleMax);
const cooperatingUnits = z
  .array(
    z.strictObject({
      unitId: z.number().int().positive(),
      part: z.string().max(TASK_LIMITS.partMax).nullable().optional(),
    }),
  )
  .max(TASK_LIMITS.cooperatingUnitsMax);

/** Fields a task can be registered or edited with. */
const taskFields = {
  description: z.string().max(TASK_LIMITS.descriptionMax).nullable().optional(),
  sourceId: z.number().int().positive().nullable().optional(),
  category: z.string().max(TASK_LIMITS.categoryMax).nullable().optional(),
  tags: z.array(z.string().min(1).max(TASK_LIMITS.tagMax)).max(TASK_LIMITS.tagsMax).optional(),
  isKey: z.boolean().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  isPublic: z.boolean().optional(),
  leadUnitId: z.number().int().positive().nullable().optional(),
  cooperatingUnits: cooperatingUnits.optional(),
  responsibleLeaderId: z.number().int().positive().nullable().optional(),
  responsiblePersonId: z.number().int().positive().nullable().optional(),
  startDate: dateString.nullable().optional(),
  /** A fixed deadline… */
  deadline: dateString.nullable().optional(),
  /** …or N working days from assignment (the deadline is computed when the task is assigned). */
  deadlineWorkingDays: z.number().int().min(1).max(1000).nullable().optional(),
  weight: z.number().positive().max(1000).optional(),
};

export const createTaskBody = z.strictObject({
  title,
  parentId: z.number().int().positive().nullable().optional(),
  ...taskFields,
});

export const updateTaskBody = z.strictObject({
  version: z.number().int().positive(),
  title: title.optional(),
  ...taskFields,
  /** Why, for the deadline history when the deadline of an assigned task changes. */
  reason: z.string().max(TASK_LIMITS.reasonMax).nullable().optional(),
});

/** POST /tasks/:id/subtasks: decompose into several subtasks at once (they inherit by default). */
export const decomposeBody = z.strictObject({
  version: z.number().int().positive(),
  subtasks: z
    .array(z.strictObject({ title, ...taskFields }))
    .min(1)
    .max(TASK_LIMITS.decomposeMax),
});

export const moveTaskBody = z.strictObject({
  version: z.number().int().positive(),
  parentId: z.number().int().positive().nullable(),
});

export const transitionBody = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().max(TASK_LIMITS.reasonMax).nullable().optional(),
});

export const progressBody = z.strictObject({
  version: z.number().int().positive(),
  progress: z.number().min(0).max(100),
});

export const partBody = z.strictObject({ part: z.string().max(TASK_LIMITS.partMax).nullable() });

export const bulkBody = z.strictObject({
  taskIds: z.array(z.number().int().positive()).min(1).max(TASK_LIMITS.bulkMax),
  operation: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('assign') }),
    z.strictObject({ kind: z.literal('set_deadline'), deadline: dateString }),
    z.strictObject({
      kind: z.literal('add_cooperating_unit'),
      unitId: z.number().int().positive(),
      part: z.string().max(TASK_LIMITS.partMax).nullable().optional(),
    }),
  ]),
});

export const TASK_SORTS = ['deadline', '-deadline', 'updated', '-updated', 'number', '-number'] as const;

/** GET /tasks filters (query string). Multi-valued ones are comma-separated. */
export const listTasksQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  unitRole: z.enum(['lead', 'cooperating', 'any']).default('any'),
  includeSubunits: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(TASK_STATUSES)).max(TASK_STATUSES.length))
    .optional(),
  isKey: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  responsiblePersonId: z.coerce.number().int().positive().optional(),
  responsibleLeaderId: z.coerce.number().int().positive().optional(),
  sourceId: z.coerce.number().int().positive().optional(),
  /** Only tasks of this kind (`rectification`: 整改 items). */
  kind: z.enum(TASK_KINDS).optional(),
  /** `root` for top-level tasks only, or a task id for its direct children. */
  parentId: z.union([z.literal('root'), z.coerce.number().int().positive()]).optional(),
  deadlineFrom: dateString.optional(),
  deadlineTo: dateString.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  unacknowledged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Lights, comma-separated (`red,amber`), as of the last sweep. */
  light: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(HEALTH_LIGHTS)).max(HEALTH_LIGHTS.length))
    .optional(),
  /** One health flag. */
  flag: z.enum(HEALTH_FLAGS).optional(),
  /** Tasks led by any of these units or below them (comma-separated ids): a leader's several units in charge. */
  leadUnits: z
    .string()
    .transform((v) => v.split(',').filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().positive().max(2147483647)).min(1).max(20))
    .optional(),
  /** Tasks carrying this tag. */
  tag: z.string().trim().min(1).max(TASK_LIMITS.tagMax).optional(),
  /** Closed on or after / on or before this (local) day. */
  closedFrom: dateString.optional(),
  closedTo: dateString.optional(),
  /** Closed no later than the deadline (true) or after it (false); closed tasks only. */
  onTime: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** An open key task's progress against expectation (as the cockpit's trajectory chart). */
  trajectory: z.enum(['on_track', 'slightly_behind', 'behind', 'far_behind']).optional(),
  /** Tasks of an assessment period. */
  periodId: z.coerce.number().int().positive().max(2147483647).optional(),
  q: z.string().min(TASK_LIMITS.searchMin).max(TASK_LIMITS.searchMax).optional(),
  sort: z.enum(TASK_SORTS).default('-updated'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const taskPageSchema = z.object({ items: z.array(taskSummarySchema), nextCursor: z.string().nullable() });

export const inboxSchema = z
  .object({
    toAcknowledge: z.array(taskSummarySchema),
    returned: z.array(taskSummarySchema),
    overdue: z.array(taskSummarySchema),
    closureRequests: z.array(taskSummarySchema),
  })
  .describe('What waits for me and my unit');

export const createSourceBody = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  title: nonBlank(TASK_LIMITS.sourceTitleMax),
  docNumber: z.string().max(TASK_LIMITS.docNumberMax).nullable().optional(),
  issuer: z.string().max(TASK_LIMITS.issuerMax).nullable().optional(),
  issuedOn: dateString.nullable().optional(),
  fullText: z.string().max(TASK_LIMITS.sourceTextMax).nullable().optional(),
});

export const updateSourceBody = createSourceBody.partial().extend({ version: z.number().int().positive() }).strict();

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: personRef.nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Place in the hash chain (1, 2, 3… without gaps). */
  seq: z.number().int(),
  /** Old values of the fields that changed, when the writer recorded them. */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** New values of the fields that changed. */
  after: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export type Source = z.infer<typeof sourceSchema>;
export type SourceDetail = z.infer<typeof sourceDetailSchema>;
export type TaskSummary = z.infer<typeof taskSummarySchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type TaskUnit = z.infer<typeof taskUnitSchema>;
export type TaskEvent = z.infer<typeof taskEventSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type CreateTaskInput = z.input<typeof createTaskBody>;
export type UpdateTaskInput = z.input<typeof updateTaskBody>;
export type BulkInput = z.input<typeof bulkBody>;
