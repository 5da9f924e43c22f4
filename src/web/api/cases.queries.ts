import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateCaseInput } from '../../shared/cases-api.js';
import { LIMITS } from '../../shared/limits.js';
import {
  type AdoptionAnswer,
  answerAdoption,
  type CaseFilters,
  type CaseView,
  type CreateCaseInput,
  changeCaseStatus,
  createCase,
  getCase,
  listCases,
  listPeriodOptions,
  spreadCase,
  updateCase,
} from './cases.api.js';
import { notificationKeys } from './review-query-keys.js';

/** Query keys of the case library (a feature file of its own, so parallel work does not collide). */
export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  periods: ['cases', 'period-options'] as const,
};

/** The library, a page at a time. */
export function useCasePages(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listCases({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => getCase(id, signal) });
}

/** Periods to link a case to; fetched only while a form that offers them is open. */
export function usePeriodOptions(enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.periods,
    queryFn: ({ signal }) => listPeriodOptions(signal),
    enabled,
    retry: false,
  });
}

/** Case writes; every one refreshes the library, and spreading sends notifications. */
export function useCaseMutations() {
  const queryClient = useQueryClient();
  const remember = (view: CaseView) => queryClient.setQueryData(caseKeys.detail(view.id), view);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    create: useMutation({ mutationFn: (input: CreateCaseInput) => createCase(input), onSuccess: remember, onSettled }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdateCaseInput & { id: number }) => updateCase(id, input),
      onSuccess: remember,
      onSettled,
    }),
    changeStatus: useMutation({
      mutationFn: ({ id, action, version }: { id: number; action: 'publish' | 'archive'; version: number }) =>
        changeCaseStatus(id, action, version),
      onSuccess: remember,
      onSettled,
    }),
    spread: useMutation({
      mutationFn: ({
        id,
        ...input
      }: {
        id: number;
        unitIds: number[];
        subtreeUnitId?: number | null;
        version: number;
      }) => spreadCase(id, input),
      onSuccess: remember,
      onSettled,
    }),
    answer: useMutation({
      mutationFn: ({
        id,
        unitId,
        ...input
      }: {
        id: number;
        unitId: number;
        status: AdoptionAnswer;
        note?: string | null;
        version: number;
      }) => answerAdoption(id, unitId, input),
      onSuccess: remember,
      onSettled,
    }),
  };
}
