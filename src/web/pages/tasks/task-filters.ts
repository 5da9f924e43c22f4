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
  /** Drill-down filters a cockpit figure opens the list with (shown as removable tags). */
  leadUnits?: number[];
  tag?: string;
  closedFrom?: string;
  closedTo?: string;
  onTime?: boolean;
  trajectory?: Trajectory;
  periodId?: number;
  sort: TaskSort;
}

export const TRAJECTORIES = ['on_track', 'slightly_behind', 'behind', 'far_behind'] as const;
export type Trajectory = (typeof TRAJECTORIES)[number];

/** The drill-down filters (as in TaskFilterValues) that have no control of their own in the filter bar. */
export const DRILL_FILTER_KEYS = [
  'leadUnits',
  'tag',
  'closedFrom',
  'closedTo',
  'onTime',
  'trajectory',
  'periodId',
] as const satisfies ReadonlyArray<keyof TaskFilterValues>;

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
    ...drillFiltersFrom(params),
    sort: TASK_SORT_OPTIONS.includes(sort as TaskSort) ? (sort as TaskSort) : NO_TASK_FILTERS.sort,
  };
}

function drillFiltersFrom(params: URLSearchParams): Partial<TaskFilterValues> {
  const out: Partial<TaskFilterValues> = {};
  const leadUnits = (params.get('leadUnits') ?? '')
    .split(',')
    .map((id) => positiveInt(id))
    .filter((id): id is number => id !== undefined)
    .slice(0, 20);
  if (leadUnits.length > 0) out.leadUnits = leadUnits;
  const tag = params.get('tag')?.trim();
  if (tag) out.tag = tag.slice(0, 30);
  const closedFrom = date(params.get('closedFrom'));
  if (closedFrom) out.closedFrom = closedFrom;
  const closedTo = date(params.get('closedTo'));
  if (closedTo) out.closedTo = closedTo;
  const onTime = params.get('onTime');
  if (onTime === '1' || onTime === '0') out.onTime = onTime === '1';
  const trajectory = params.get('trajectory');
  if ((TRAJECTORIES as readonly string[]).includes(trajectory ?? '')) out.trajectory = trajectory as Trajectory;
  const periodId = positiveInt(params.get('periodId'));
  if (periodId) out.periodId = periodId;
  return out;
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
  set('leadUnits', filters.leadUnits?.join(','));
  set('tag', filters.tag);
  set('closedFrom', filters.closedFrom);
  set('closedTo', filters.closedTo);
  if (filters.onTime !== undefined) set('onTime', filters.onTime ? '1' : '0');
  set('trajectory', filters.trajectory);
  set('periodId', filters.periodId);
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
    leadUnits: filters.leadUnits,
    tag: filters.tag,
    closedFrom: filters.closedFrom,
    closedTo: filters.closedTo,
    onTime: filters.onTime,
    trajectory: filters.trajectory,
    periodId: filters.periodId,
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
    ...DRILL_FILTER_KEYS.map((key) => filters[key] !== undefined),
  ].filter(Boolean).length;
}
