import type { ReviewFilters } from '../../api/reviews.api.js';
import { REVIEW_KIND_LIST } from './review-kinds.js';

/** The review queue's filters from the address (`?kind=report&late=1`), so links and Back keep them. */
export function filtersFromParams(params: URLSearchParams): ReviewFilters {
  const kind = params.get('kind');
  const unitId = Number(params.get('unitId'));
  const filters: ReviewFilters = {};
  if (kind && (REVIEW_KIND_LIST as readonly string[]).includes(kind)) filters.kind = kind as ReviewFilters['kind'];
  if (Number.isSafeInteger(unitId) && unitId > 0) filters.unitId = unitId;
  if (params.get('key') === '1') filters.key = true;
  if (params.get('late') === '1') filters.late = true;
  if (params.get('flagged') === '1') filters.flagged = true;
  return filters;
}

/** The address's query for a set of filters; unset ones are left out. */
export function filtersToParams(filters: ReviewFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.kind) params.kind = filters.kind;
  if (filters.unitId) params.unitId = String(filters.unitId);
  if (filters.key) params.key = '1';
  if (filters.late) params.late = '1';
  if (filters.flagged) params.flagged = '1';
  return params;
}
