import {
  RECTIFICATION_ORIGINS,
  RECTIFICATION_STATES,
  type RectificationOrigin,
  type RectificationState,
} from '../../../shared/rectifications-api.js';
import type { RectificationFilters } from '../../api/rectifications.api.js';

function positiveInt(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The list's filters from the address (`?status=open&origin=review&unit=7&period=2&overdue=1`); junk is ignored. */
export function rectificationFiltersFromParams(params: URLSearchParams): RectificationFilters {
  const filters: RectificationFilters = {};
  const status = params.get('status');
  if (status && (RECTIFICATION_STATES as readonly string[]).includes(status))
    filters.status = status as RectificationState;
  const origin = params.get('origin');
  if (origin && (RECTIFICATION_ORIGINS as readonly string[]).includes(origin))
    filters.originType = origin as RectificationOrigin;
  const unitId = positiveInt(params.get('unit'));
  if (unitId) filters.unitId = unitId;
  const periodId = positiveInt(params.get('period'));
  if (periodId) filters.periodId = periodId;
  if (params.get('overdue') === '1') filters.overdue = true;
  return filters;
}

/** The address form of the filters (only what is set). */
export function rectificationFiltersToParams(filters: RectificationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.originType) params.set('origin', filters.originType);
  if (filters.unitId) params.set('unit', String(filters.unitId));
  if (filters.periodId) params.set('period', String(filters.periodId));
  if (filters.overdue) params.set('overdue', '1');
  return params;
}

/** Where an item's origin is shown in the app, when it has a page of its own. */
export function originPath(origin: {
  type: RectificationOrigin;
  id: number | null;
  periodId: number | null;
  taskId: number | null;
}): string | null {
  if (origin.type === 'review' && origin.periodId) return `/assessment/${origin.periodId}/review`;
  if (origin.type === 'bulletin' && origin.id) return `/bulletins/${origin.id}`;
  if (origin.type === 'case' && origin.id) return `/cases/${origin.id}`;
  if (origin.type === 'accountability' && origin.id) return `/accountability/${origin.id}`;
  if (origin.taskId) return `/tasks/${origin.taskId}`;
  return null;
}
