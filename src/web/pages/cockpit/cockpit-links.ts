import type { Cockpit } from '../../../shared/cockpit-api.js';
import { type CockpitView, type DrillTarget, drillDownQuery } from '../../../shared/cockpit-drill.js';
import type { CockpitFilters } from '../../api/cockpit.api.js';

/** The view the cockpit shows, as the drill-down links need it. */
export function viewOf(filters: CockpitFilters, cockpit: Cockpit): CockpitView {
  return {
    unitIds: cockpit.seesAll && filters.unitId === undefined ? null : cockpit.scope.map((unit) => unit.id),
    sourceId: filters.sourceId,
    tag: filters.tag,
    periodId: filters.periodId,
    keyOnly: filters.keyOnly,
  };
}

/** Query values the /tasks page writes as 1 (and 0), where the API takes true and false. */
const FLAGS = new Set(['includeSubunits', 'isKey', 'overdue', 'onTime']);

/** The /tasks page address of a cockpit element: the API's drill-down query in the page's own form. */
export function drillHref(view: CockpitView, target: DrillTarget): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(drillDownQuery(view, target))) {
    if (!FLAGS.has(key)) params.set(key, value);
    else if (value === 'true') params.set(key, '1');
    else if (key === 'onTime') params.set(key, '0');
  }
  return `/tasks?${params.toString()}`;
}

/** The cockpit's filters from its address (`?unitId=&sourceId=&tag=&periodId=&keyOnly=1`); junk is ignored. */
export function filtersFrom(params: URLSearchParams): CockpitFilters {
  const id = (key: string) => {
    const value = params.get(key);
    if (!value || !/^\d+$/.test(value)) return undefined;
    const number = Number(value);
    return number > 0 && Number.isSafeInteger(number) ? number : undefined;
  };
  const tag = params.get('tag')?.trim();
  return {
    unitId: id('unitId'),
    sourceId: id('sourceId'),
    tag: tag ? tag.slice(0, 30) : undefined,
    periodId: id('periodId'),
    keyOnly: params.get('keyOnly') === '1' || undefined,
  };
}

/** The address of a cockpit view. */
export function filtersToSearch(filters: CockpitFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.unitId) search.set('unitId', String(filters.unitId));
  if (filters.sourceId) search.set('sourceId', String(filters.sourceId));
  if (filters.tag) search.set('tag', filters.tag);
  if (filters.periodId) search.set('periodId', String(filters.periodId));
  if (filters.keyOnly) search.set('keyOnly', '1');
  return search;
}
