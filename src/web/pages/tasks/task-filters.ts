import { HEALTH_FLAGS, HEALTH_LIGHTS, type HealthFlag, type HealthLight } from '../../../shared/health-api.js';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/tasks.js';
import type { TaskListQuery, TaskSort } from '../../api/tasks.api.js';

/** Which link a task has with the filtered unit. */
export type UnitRole = 'lead' | 'cooperating' | 'any';

/** The task list's filter bar, as the page holds it (and as it travels in the address). */
export interface TaskFilterValues {
  q: string;
  unitId?: number;
  unitRole: UnitRole;
  includeSubunits: boolean;
  status: TaskStatus[];
  isKey: boolean;
  responsiblePersonId?: number;
  sourceId?: number;
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue: boolean;
  unacknowledged: boolean;
  /** Lights as of the last sweep (红黄绿灯). */
  light: HealthLight[];
  flag?: HealthFlag;
  sort: TaskSort;
}

export const TASK_SORT_OPTIONS: readonly TaskSort[] = [
  '-updated',
  'deadline',
  '-deadline',
  'number',
  '-number',
  'updated',
];

export const NO_TASK_FILTERS: TaskFilterValues = {
  q: '',
  unitRole: 'any',
  includeSubunits: false,
  status: [],
  isKey: false,
  overdue: false,
  unacknowledged: false,
  light: [],
  sort: '-updated',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 && Number.isSafeInteger(number) ? number : undefined;
}

function date(value: string | null): string | undefined {
  return value && DATE.test(value) ? value : undefined;
}

function isLight(value: string): value is HealthLight {
  return (HEALTH_LIGHTS as readonly string[]).includes(value);
}

function isStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/** Reads filters from the address (`/tasks?status=assigned,in_progress&overdue=1`); junk is ignored. */
export function filtersFromSearch(params: URLSearchParams): TaskFilterValues {
  const unitRole = params.get('unitRole');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    unitId: positiveInt(params.get('unitId')),
    unitRole: unitRole === 'lead' || unitRole === 'cooperating' ? unitRole : 'any',
    includeSubunits: params.get('includeSubunits') === '1',
    status: (params.get('status') ?? '').split(',').filter(isStatus),
    isKey: params.get('isKey') === '1',
    responsiblePersonId: positiveInt(params.get('responsiblePersonId')),
    sourceId: positiveInt(params.get('sourceId')),
    deadlineFrom: date(params.get('deadlineFrom')),
    deadlineTo: date(params.get('deadlineTo')),
    overdue: params.get('overdue') === '1',
    unacknowledged: params.get('unacknowledged') === '1',
    light: (params.get('light') ?? '').split(',').filter(isLight),
    flag: (HEALTH_FLAGS as readonly string[]).includes(params.get('flag') ?? '')
      ? (params.get('flag') as HealthFlag)
      : undefined,
    sort: TASK_SORT_OPTIONS.includes(sort as TaskSort) ? (sort as TaskSort) : NO_TASK_FILTERS.sort,
  };
}

/** Writes filters to the address, leaving defaults out so plain /tasks stays plain. */
export function filtersToSearch(filters: TaskFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined | false) => {
    if (value !== undefined && value !== false && value !== '') params.set(key, String(value));
  };
  set('q', filters.q);
  set('unitId', filters.unitId);
  if (filters.unitId !== undefined && filters.unitRole !== 'any') set('unitRole', filters.unitRole);
  if (filters.unitId !== undefined && filters.includeSubunits) set('includeSubunits', '1');
  set('status', filters.status.join(','));
  if (filters.isKey) set('isKey', '1');
  set('responsiblePersonId', filters.responsiblePersonId);
  set('sourceId', filters.sourceId);
  set('deadlineFrom', filters.deadlineFrom);
  set('deadlineTo', filters.deadlineTo);
  if (filters.overdue) set('overdue', '1');
  if (filters.unacknowledged) set('unacknowledged', '1');
  set('light', filters.light.join(','));
  set('flag', filters.flag);
  if (filters.sort !== NO_TASK_FILTERS.sort) set('sort', filters.sort);
  return params;
}

/** The GET /tasks query for the filters; a search text is trimmed and dropped when empty. */
export function toListQuery(filters: TaskFilterValues, q = filters.q): TaskListQuery {
  const hasUnit = filters.unitId !== undefined;
  return {
    q: q.trim() || undefined,
    unitId: filters.unitId,
    unitRole: hasUnit && filters.unitRole !== 'any' ? filters.unitRole : undefined,
    includeSubunits: hasUnit && filters.includeSubunits ? true : undefined,
    status: filters.status.length > 0 ? filters.status : undefined,
    isKey: filters.isKey || undefined,
    responsiblePersonId: filters.responsiblePersonId,
    sourceId: filters.sourceId,
    deadlineFrom: filters.deadlineFrom,
    deadlineTo: filters.deadlineTo,
    overdue: filters.overdue || undefined,
    unacknowledged: filters.unacknowledged || undefined,
    light: filters.light.length > 0 ? filters.light : undefined,
    flag: filters.flag,
    sort: filters.sort,
  };
}

/** How many filters narrow the list (the search box and the order do not count). */
export function countActiveFilters(filters: TaskFilterValues): number {
  return [
    filters.unitId !== undefined,
    filters.status.length > 0,
    filters.isKey,
    filters.responsiblePersonId !== undefined,
    filters.sourceId !== undefined,
    filters.deadlineFrom !== undefined || filters.deadlineTo !== undefined,
    filters.overdue,
    filters.unacknowledged,
    filters.light.length > 0,
    filters.flag !== undefined,
  ].filter(Boolean).length;
}
