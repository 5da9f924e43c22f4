import dayjs, { type Dayjs } from 'dayjs';
import type { CreateTaskInput, TaskDetail, UpdateTaskInput } from '../../../shared/task-api.js';
import type { TaskPriority } from '../../../shared/tasks.js';
import type { SubtaskInput } from '../../api/tasks.api.js';

/** A fixed date, or "N working days from assignment" (computed when the task is assigned). */
export type DeadlineMode = 'date' | 'workingDays';

/** The register / edit form's values; names match the API's fields so errors land on them. */
export interface TaskFormValues {
  title: string;
  description?: string | null;
  sourceId?: number | null;
  category?: string | null;
  tags?: string[];
  isKey?: boolean;
  priority?: TaskPriority;
  isPublic?: boolean;
  leadUnitId?: number | null;
  cooperatingUnits?: Array<{ unitId?: number | null; part?: string | null } | undefined>;
  responsibleLeaderId?: number | null;
  responsiblePersonId?: number | null;
  startDate?: Dayjs | null;
  deadlineMode?: DeadlineMode;
  deadline?: Dayjs | null;
  deadlineWorkingDays?: number | null;
  weight?: number | null;
}

/** The fields a task is registered or edited with (CreateTaskInput without title and parent). */
export type TaskFields = Required<Omit<CreateTaskInput, 'title' | 'parentId'>> & { title: string };

/** The form's fields, in the order the form shows them (for applyFieldErrors). */
export const TASK_FORM_FIELDS = [
  'title',
  'description',
  'sourceId',
  'category',
  'tags',
  'isKey',
  'priority',
  'isPublic',
  'leadUnitId',
  'cooperatingUnits',
  'responsibleLeaderId',
  'responsiblePersonId',
  'startDate',
  'deadline',
  'deadlineWorkingDays',
  'weight',
  'parentId',
] as const;

const trimmedOrNull = (value: string | null | undefined) => value?.trim() || null;
const dayOrNull = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The defaults a new task starts from. */
export function emptyTaskForm(): TaskFormValues {
  return {
    title: '',
    tags: [],
    isKey: false,
    priority: 'normal',
    isPublic: false,
    cooperatingUnits: [],
    deadlineMode: 'date',
    weight: 1,
  };
}

/** Turns what the form holds into the API's fields: trimmed, empty → null, one deadline kind. */
export function toTaskFields(values: TaskFormValues): TaskFields {
  const byWorkingDays = values.deadlineMode === 'workingDays';
  const tags = [...new Set((values.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
  const cooperatingUnits = (values.cooperatingUnits ?? []).flatMap((row) =>
    row?.unitId ? [{ unitId: row.unitId, part: trimmedOrNull(row.part) }] : [],
  );
  return {
    title: values.title.trim(),
    description: trimmedOrNull(values.description),
    sourceId: values.sourceId ?? null,
    category: trimmedOrNull(values.category),
    tags,
    isKey: values.isKey ?? false,
    priority: values.priority ?? 'normal',
    isPublic: values.isPublic ?? false,
    leadUnitId: values.leadUnitId ?? null,
    cooperatingUnits,
    responsibleLeaderId: values.responsibleLeaderId ?? null,
    responsiblePersonId: values.responsiblePersonId ?? null,
    startDate: dayOrNull(values.startDate),
    deadline: byWorkingDays ? null : dayOrNull(values.deadline),
    deadlineWorkingDays: byWorkingDays ? (values.deadlineWorkingDays ?? null) : null,
    weight: values.weight ?? 1,
  };
}

/**
 * A POST /tasks body: only what was filled in, so a subtask inherits the rest from its parent
 * (the server fills omitted fields from the parent; an explicit null would clear them).
 */
export function toCreateInput(fields: TaskFields, parentId: number | null): CreateTaskInput {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    body[key] = value;
  }
  if (parentId !== null) body.parentId = parentId;
  return body as CreateTaskInput;
}

/** The form filled from an existing task. A computed deadline shows as a date once assigned. */
export function taskToFormValues(task: TaskDetail): TaskFormValues {
  const byWorkingDays = task.deadlineWorkingDays !== null && task.status === 'draft';
  return {
    title: task.title,
    description: task.description ?? '',
    sourceId: task.sourceId,
    category: task.category ?? '',
    tags: task.tags,
    isKey: task.isKey,
    priority: task.priority,
    isPublic: task.isPublic,
    leadUnitId: task.leadUnit?.id ?? null,
    cooperatingUnits: task.units
      .filter((unit) => unit.role === 'cooperating')
      .map((unit) => ({ unitId: unit.unitId, part: unit.part ?? '' })),
    responsibleLeaderId: task.responsibleLeader?.id ?? null,
    responsiblePersonId: task.responsiblePerson?.id ?? null,
    startDate: task.startDate ? dayjs(task.startDate) : null,
    deadlineMode: byWorkingDays ? 'workingDays' : 'date',
    deadline: task.deadline && !byWorkingDays ? dayjs(task.deadline) : null,
    deadlineWorkingDays: task.deadlineWorkingDays,
    weight: task.weight,
  };
}

/** A PATCH body with only the fields that differ from what the form started with. */
export function changedTaskFields(initial: TaskFields, next: TaskFields, version: number): UpdateTaskInput {
  const body: Record<string, unknown> = { version };
  for (const key of Object.keys(next) as Array<keyof TaskFields>) {
    if (JSON.stringify(next[key]) !== JSON.stringify(initial[key])) body[key] = next[key];
  }
  return body as UpdateTaskInput;
}

/** One row of the decompose table. */
export interface SubtaskRow {
  title?: string;
  leadUnitId?: number | null;
  deadline?: Dayjs | null;
}

/** The filled-in rows as subtasks; what a row leaves empty is inherited from the parent. */
export function toSubtasks(rows: ReadonlyArray<SubtaskRow | undefined>): SubtaskInput[] {
  return rows.flatMap((row) => {
    const title = row?.title?.trim();
    if (!title) return [];
    const subtask: SubtaskInput = { title };
    if (row?.leadUnitId) subtask.leadUnitId = row.leadUnitId;
    if (row?.deadline) subtask.deadline = row.deadline.format('YYYY-MM-DD');
    return [subtask];
  });
}

/** Pasted text with several lines becomes several subtask titles (from a 任务分解表). */
export function splitPastedTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.、．)）]|[（(]\d+[)）]|[-•·])\s*/, '').trim())
    .filter(Boolean);
}
