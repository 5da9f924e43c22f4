/** Where a task comes from (来源). */
export const SOURCE_KINDS = [
  'decision',
  'meeting',
  'instruction',
  'document',
  'work_report',
  'proposal',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The lifecycle states of a task (DOMAIN.md; the rules are in src/domain/task-lifecycle.ts). */
export const TASK_STATUSES = [
  'draft',
  'assigned',
  'in_progress',
  'closure_requested',
  'returned',
  'suspended',
  'closed',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses in which a task is still being worked on (counts for overdue and inbox). */
export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'in_progress', 'closure_requested', 'returned'];

/** What can be done to a task's status; each is a POST /tasks/:id/<action> endpoint. */
export const TASK_ACTIONS = [
  'assign',
  'acknowledge',
  'request_closure',
  'close',
  'return',
  'suspend',
  'resume',
  'cancel',
  'reopen',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_PRIORITIES = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** How the caller stands to a task; transitions are allowed per relation (not per raw role). */
export const TASK_RELATIONS = ['supervisor', 'admin', 'lead_unit', 'cooperating_unit', 'leader', 'auditor'] as const;
export type TaskRelation = (typeof TASK_RELATIONS)[number];

export const TASK_LIMITS = {
  titleMax: 200,
  descriptionMax: 20000,
  partMax: 2000,
  reasonMax: 2000,
  categoryMax: 50,
  tagMax: 30,
  tagsMax: 20,
  cooperatingUnitsMax: 100,
  sourceTitleMax: 300,
  docNumberMax: 100,
  issuerMax: 200,
  sourceTextMax: 200000,
  bulkMax: 500,
  decomposeMax: 100,
  searchMin: 1,
  searchMax: 100,
} as const;
