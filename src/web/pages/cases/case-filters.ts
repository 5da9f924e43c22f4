import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '../../../shared/cases-api.js';
import type { CaseFilters } from '../../api/cases.api.js';

/** The library's tab and filters, as the address keeps them. */
export interface CaseLibraryState {
  kind: CaseKind;
  filters: Omit<CaseFilters, 'kind'>;
}

function positiveId(value: string | null): number | undefined {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** `?kind=negative&status=published&unit=7&period=2&spread=1&mine=1&q=…`; junk is ignored. */
export function caseStateFromParams(params: URLSearchParams): CaseLibraryState {
  const kindParam = params.get('kind');
  const kind = (CASE_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as CaseKind) : 'exemplary';
  const filters: CaseLibraryState['filters'] = {};
  const status = params.get('status');
  if (status && (CASE_STATUSES as readonly string[]).includes(status)) filters.status = status as CaseStatus;
  const unitId = positiveId(params.get('unit'));
  if (unitId) filters.unitId = unitId;
  const periodId = positiveId(params.get('period'));
  if (periodId) filters.periodId = periodId;
  if (params.get('spread') === '1') filters.toSpread = true;
  if (params.get('mine') === '1') filters.askedOfMe = true;
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 100);
  return { kind, filters };
}

/** The address form of the state (only what is set; the default tab is left out). */
export function caseStateToParams(state: CaseLibraryState): URLSearchParams {
  const params = new URLSearchParams();
  const { filters } = state;
  if (state.kind !== 'exemplary') params.set('kind', state.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.unitId) params.set('unit', String(filters.unitId));
  if (filters.periodId) params.set('period', String(filters.periodId));
  if (filters.toSpread) params.set('spread', '1');
  if (filters.askedOfMe) params.set('mine', '1');
  if (filters.q) params.set('q', filters.q);
  return params;
}
