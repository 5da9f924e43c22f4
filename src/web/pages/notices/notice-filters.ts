import { NOTICE_STATUSES, type NoticeStatus } from '../../../shared/notices-api.js';
import type { NoticeFilters } from '../../api/notices.api.js';

/** The notices list's filters from the address (`?status=responded&overdue=1&unit=7`); junk is ignored. */
export function noticeFiltersFromParams(params: URLSearchParams): NoticeFilters {
  const filters: NoticeFilters = {};
  const status = params.get('status');
  if (status && (NOTICE_STATUSES as readonly string[]).includes(status)) filters.status = status as NoticeStatus;
  if (params.get('overdue') === '1') filters.overdue = true;
  const unit = Number(params.get('unit'));
  if (Number.isInteger(unit) && unit > 0) filters.unitId = unit;
  return filters;
}

/** The address form of the filters (only what is set). */
export function noticeFiltersToParams(filters: NoticeFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.unitId) params.set('unit', String(filters.unitId));
  return params;
}
