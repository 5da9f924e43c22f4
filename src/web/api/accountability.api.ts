import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountabilityDecision,
  AccountabilityEvidence,
  AccountabilityRecord,
  AccountabilityStatus,
  AccountabilitySummary,
  AccountabilityType,
  CreateAccountabilityInput,
  EvidenceRefInput,
} from '../../shared/accountability-api.js';
import { apiRequest } from './http.js';
import { notificationKeys } from './review-query-keys.js';

export type { AccountabilityEvidence, AccountabilityRecord, AccountabilitySummary, CreateAccountabilityInput };

/** The filters of the records list (kept in the address). */
export interface AccountabilityFilters {
  status?: AccountabilityStatus;
  type?: AccountabilityType;
  unitId?: number;
}

interface RecordPage {
  items: AccountabilitySummary[];
  nextCursor: string | null;
}

/** `GET /accountability`: the records I may see, newest first (the server audits each one shown). */
export function listRecords(filters: AccountabilityFilters & { cursor?: string }, signal?: AbortSignal) {
  return apiRequest<RecordPage>('/accountability', { query: { ...filters, limit: 50 }, signal });
}

export function getRecord(id: number, signal?: AbortSignal): Promise<AccountabilityRecord> {
  return apiRequest(`/accountability/${id}`, { signal });
}

export async function getEvidenceCandidates(taskId: number, signal?: AbortSignal): Promise<AccountabilityEvidence[]> {
  return (
    await apiRequest<{ items: AccountabilityEvidence[] }>('/accountability/evidence-candidates', {
      query: { taskId },
      signal,
    })
  ).items;
}

export function createRecord(input: CreateAccountabilityInput): Promise<AccountabilityRecord> {
  return apiRequest('/accountability', { method: 'POST', body: input });
}

/** One step on a record, with its body (each carries the version it was read at). */
export type RecordStepInput =
  | { action: 'open'; statementDue: string; version: number }
  | { action: 'statement'; statement: string; version: number }
  | { action: 'decide'; decision: AccountabilityDecision; note?: string | null; version: number }
  | { action: 'dismiss'; reason: string; version: number }
  | { action: 'evidence'; items: EvidenceRefInput[]; version: number };

export function takeRecordStep(id: number, input: RecordStepInput): Promise<AccountabilityRecord> {
  const { action, ...body } = input;
  return apiRequest(`/accountability/${id}/${action}`, { method: 'POST', body });
}

export const accountabilityKeys = {
  all: ['accountability'] as const,
  list: (filters: AccountabilityFilters) => ['accountability', 'list', filters] as const,
  detail: (id: number) => ['accountability', 'detail', id] as const,
  candidates: (taskId: number) => ['accountability', 'candidates', taskId] as const,
};

/**
 * The records list, a page at a time. Not refetched on focus: every fetch is an audited read, so
 * the list is read when asked for, not whenever the window regains focus.
 */
export function useRecordPages(filters: AccountabilityFilters) {
  return useInfiniteQuery({
    queryKey: accountabilityKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listRecords({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** One record (an audited read; not refetched on focus either). */
export function useRecord(id: number) {
  return useQuery({
    queryKey: accountabilityKeys.detail(id),
    queryFn: ({ signal }) => getRecord(id, signal),
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useEvidenceCandidates(taskId: number) {
  return useQuery({
    queryKey: accountabilityKeys.candidates(taskId),
    queryFn: ({ signal }) => getEvidenceCandidates(taskId, signal),
  });
}

/** Record writes: the answer is the record as it now stands, so it replaces the cached one. */
export function useRecordMutations() {
  const queryClient = useQueryClient();
  const remember = (record: AccountabilityRecord) =>
    queryClient.setQueryData(accountabilityKeys.detail(record.id), record);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...accountabilityKeys.all, 'list'] }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    create: useMutation({ mutationFn: createRecord, onSuccess: remember, onSettled }),
    step: useMutation({
      mutationFn: ({ id, ...input }: RecordStepInput & { id: number }) => takeRecordStep(id, input as RecordStepInput),
      onSuccess: remember,
      onSettled,
    }),
  };
}
