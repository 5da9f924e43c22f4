import type { HealthFlag, HealthLight } from '../../shared/health-api.js';
import type {
  BulkInput,
  CreateTaskInput,
  Inbox,
  TaskDetail,
  TaskSummary,
  UpdateTaskInput,
} from '../../shared/task-api.js';
import type { TaskAction, TaskStatus } from '../../shared/tasks.js';
import { apiRequest } from './http.js';
import type { ItemList, Page } from './types.js';

/** How the list can be ordered (the server's TASK_SORTS; a leading minus means descending). */
export type TaskSort = 'deadline' | '-deadline' | 'updated' | '-updated' | 'number' | '-number';

/** GET /tasks filters, as the API names them. Unset values are left out of the query string. */
export interface TaskListQuery {
  unitId?: number;
  unitRole?: 'lead' | 'cooperating' | 'any';
  includeSubunits?: boolean;
  status?: readonly TaskStatus[];
  isKey?: boolean;
  responsiblePersonId?: number;
  responsibleLeaderId?: number;
  sourceId?: number;
  parentId?: 'root' | number;
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue?: boolean;
  unacknowledged?: boolean;
  /** Lights as of the last sweep. */
  light?: readonly HealthLight[];
  flag?: HealthFlag;
  /** Led by any of these units or below (a cockpit view over several units). */
  leadUnits?: readonly number[] | undefined;
  tag?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  onTime?: boolean | undefined;
  trajectory?: 'on_track' | 'slightly_behind' | 'behind' | 'far_behind' | undefined;
  periodId?: number | undefined;
  q?: string;
  sort?: TaskSort;
}

/** One page of tasks (keyset paging: pass `nextCursor` back for "load more"). */
export function listTasks(
  query: TaskListQuery & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<TaskSummary>> {
  const { status, light, leadUnits, onTime, ...rest } = query;
  return apiRequest('/tasks', {
    query: {
      ...rest,
      status: status?.length ? status.join(',') : undefined,
      light: light?.length ? light.join(',') : undefined,
      leadUnits: leadUnits?.length ? leadUnits.join(',') : undefined,
      onTime: onTime === undefined ? undefined : String(onTime),
    },
    signal,
  });
}

export function getTask(id: number, signal?: AbortSignal): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}`, { signal });
}

/** The whole subtree below a task, parents before children, each with depth and parentId. */
export function getTaskTree(id: number, signal?: AbortSignal): Promise<ItemList<TaskSummary>> {
  return apiRequest(`/tasks/${id}/tree`, { signal });
}

/** Registers (立项) a task as a draft; supervisors and admins. */
export function createTask(input: CreateTaskInput): Promise<TaskDetail> {
  return apiRequest('/tasks', { method: 'POST', body: input });
}

export function updateTask(id: number, input: UpdateTaskInput): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}`, { method: 'PATCH', body: input });
}

/** Deletes a draft. */
export function deleteTask(id: number, version: number): Promise<void> {
  return apiRequest(`/tasks/${id}`, { method: 'DELETE', query: { version } });
}

export type SubtaskInput = Omit<CreateTaskInput, 'parentId'>;

/** Decomposes (分解) a task into several subtasks at once; omitted fields inherit from the parent. */
export function decomposeTask(id: number, version: number, subtasks: SubtaskInput[]): Promise<ItemList<TaskSummary>> {
  return apiRequest(`/tasks/${id}/subtasks`, { method: 'POST', body: { version, subtasks } });
}

/** Moves a task under another (null = top level); 422 task_move_cycle when under itself. */
export function moveTask(id: number, version: number, parentId: number | null): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}/move`, { method: 'POST', body: { version, parentId } });
}

/** The endpoint of each status action (`request_closure` → `request-closure`). */
export function actionPath(action: TaskAction): string {
  return action.replace(/_/g, '-');
}

/** Takes a status action; 409 illegal_transition or version_conflict when the task moved on. */
export function transitionTask(
  id: number,
  action: TaskAction,
  input: { version: number; reason?: string | null },
): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}/${actionPath(action)}`, { method: 'POST', body: input });
}

/** Sets a leaf task's progress (0–100). */
export function setTaskProgress(id: number, version: number, progress: number): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}/progress`, { method: 'PUT', body: { version, progress } });
}

/** A cooperating unit writes its own part of the task. */
export function setUnitPart(id: number, unitId: number, part: string | null): Promise<TaskDetail> {
  return apiRequest(`/tasks/${id}/units/${unitId}/part`, { method: 'PUT', body: { part } });
}

/** One operation on a selection of tasks; all succeed or none does. */
export function bulkUpdateTasks(input: BulkInput): Promise<{ updated: number }> {
  return apiRequest('/tasks/bulk', { method: 'POST', body: input });
}

/** What waits for the signed-in person and their unit. */
export function getInbox(signal?: AbortSignal): Promise<Inbox> {
  return apiRequest('/inbox', { signal });
}
