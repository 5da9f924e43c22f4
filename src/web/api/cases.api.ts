import type { PeriodView } from '../../shared/assessment-api.js';
import type {
  AdoptionAnswer,
  AdoptionList,
  CaseKind,
  CaseStatus,
  CaseSummary,
  CaseView,
  CreateCaseInput,
  UpdateCaseInput,
} from '../../shared/cases-api.js';
import { apiRequest } from './http.js';

export type { AdoptionAnswer, CaseKind, CaseStatus, CaseSummary, CaseView, CreateCaseInput };

export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

/** The filters of the case library (kept in the address). */
export interface CaseFilters {
  kind?: CaseKind;
  status?: CaseStatus;
  unitId?: number;
  periodId?: number;
  toSpread?: boolean;
  askedOfMe?: boolean;
  q?: string;
}

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

/** `GET /cases`: the cases I may see, newest first, a page at a time. */
export function listCases(
  filters: CaseFilters & { cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<CasePage> {
  const { toSpread, askedOfMe, ...rest } = filters;
  return apiRequest('/cases', {
    query: { ...rest, toSpread: flag(toSpread), askedOfMe: flag(askedOfMe) },
    signal,
  });
}

export function getCase(id: number, signal?: AbortSignal): Promise<CaseView> {
  return apiRequest(`/cases/${id}`, { signal });
}

export function createCase(input: CreateCaseInput): Promise<CaseView> {
  return apiRequest('/cases', { method: 'POST', body: input });
}

export function updateCase(id: number, input: UpdateCaseInput): Promise<CaseView> {
  return apiRequest(`/cases/${id}`, { method: 'PATCH', body: input });
}

/** Publishes a draft or archives a published case. */
export function changeCaseStatus(id: number, action: 'publish' | 'archive', version: number): Promise<CaseView> {
  return apiRequest(`/cases/${id}/${action}`, { method: 'POST', body: { version } });
}

/** Asks the chosen units (and/or a whole subtree) to adopt an exemplary practice. */
export function spreadCase(
  id: number,
  input: { unitIds: number[]; subtreeUnitId?: number | null; version: number },
): Promise<CaseView> {
  return apiRequest(`/cases/${id}/spread`, { method: 'POST', body: input });
}

export function getAdoptions(id: number, signal?: AbortSignal): Promise<AdoptionList> {
  return apiRequest(`/cases/${id}/adoptions`, { signal });
}

/** Records a unit's adoption answer. */
export function answerAdoption(
  id: number,
  unitId: number,
  input: { status: AdoptionAnswer; note?: string | null; version: number },
): Promise<CaseView> {
  return apiRequest(`/cases/${id}/adoptions/${unitId}`, { method: 'PUT', body: input });
}

/** Assessment periods, for linking a case to one (supervision may list them). */
export async function listPeriodOptions(signal?: AbortSignal): Promise<PeriodView[]> {
  return (await apiRequest<{ items: PeriodView[] }>('/assessment/periods', { signal })).items;
}
