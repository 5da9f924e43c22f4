import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentRole,
  createPeriodBody,
  ExplanationView,
  PeriodView,
  RatingView,
  ResultsView,
  rateBody,
  ScoringRuleId,
  trendSchema,
  updatePeriodBody,
} from '../../shared/assessment-api.js';
import { apiRequest } from './http.js';

// The assessment client (考核, issue 7): periods, computing and freezing them, league tables, the
// points that explain a unit's score, the trend over periods and quality ratings — plus the
// TanStack Query hooks the assessment screens use. Shapes come from the shared contract.

export type CreatePeriodInput = z.input<typeof createPeriodBody>;
export type UpdatePeriodInput = z.input<typeof updatePeriodBody>;
export type RateInput = z.infer<typeof rateBody>;
export type TrendView = z.infer<typeof trendSchema>;

/** `GET /assessment/periods`: every period, newest first. */
export async function listPeriods(signal?: AbortSignal): Promise<PeriodView[]> {
  return (await apiRequest<{ items: PeriodView[] }>('/assessment/periods', { signal })).items;
}

export function getPeriod(id: number, signal?: AbortSignal): Promise<PeriodView> {
  return apiRequest(`/assessment/periods/${id}`, { signal });
}

/** Supervisors and admins; the scheme defaults to the previous period's (else the default one). */
export function createPeriod(input: CreatePeriodInput): Promise<PeriodView> {
  return apiRequest('/assessment/periods', { method: 'POST', body: input });
}

/** Edits a draft period; 409 `period_frozen` once frozen, `version_conflict` when stale. */
export function updatePeriod(id: number, input: UpdatePeriodInput): Promise<PeriodView> {
  return apiRequest(`/assessment/periods/${id}`, { method: 'PATCH', body: input });
}

/** Deletes a draft period (never a frozen one). */
export function deletePeriod(id: number): Promise<void> {
  return apiRequest(`/assessment/periods/${id}`, { method: 'DELETE' });
}

/** Scores the period again from today's data (deterministic: the same data gives the same scores). */
export function computePeriod(id: number): Promise<PeriodView> {
  return apiRequest(`/assessment/periods/${id}/compute`, { method: 'POST', body: {} });
}

/** Publishes the period: its scores no longer change, and the result's fingerprint is audited. */
export function freezePeriod(id: number, version: number): Promise<PeriodView> {
  return apiRequest(`/assessment/periods/${id}/freeze`, { method: 'POST', body: { version } });
}

/** The league table of one role (lead or cooperating units). */
export function getResults(id: number, role: AssessmentRole, signal?: AbortSignal): Promise<ResultsView> {
  return apiRequest(`/assessment/periods/${id}/results`, { query: { role }, signal });
}

/** The point lines that explain a unit's score, optionally of one rule. */
export function getUnitPoints(
  id: number,
  unitId: number,
  filter: { role: AssessmentRole; ruleId?: ScoringRuleId | undefined },
  signal?: AbortSignal,
): Promise<ExplanationView> {
  return apiRequest(`/assessment/periods/${id}/units/${unitId}/points`, { query: { ...filter }, signal });
}

/** Scores over the last periods: every unit's average, and one unit's when given. */
export function getTrend(unitId: number | undefined, signal?: AbortSignal): Promise<TrendView> {
  return apiRequest('/assessment/trend', { query: { unitId }, signal });
}

export async function listRatings(id: number, taskId: number, signal?: AbortSignal): Promise<RatingView[]> {
  return (await apiRequest<{ items: RatingView[] }>(`/assessment/periods/${id}/ratings`, { query: { taskId }, signal }))
    .items;
}

/** A supervisor's or leader's rating of a unit's work on a task (one per rater: a second one replaces it). */
export function rateUnitWork(id: number, input: RateInput): Promise<RatingView> {
  return apiRequest(`/assessment/periods/${id}/ratings`, { method: 'PUT', body: input });
}

/** Query keys: every assessment write invalidates the whole `assessment` root. */
export const assessmentKeys = {
  all: ['assessment'] as const,
  periods: ['assessment', 'periods'] as const,
  period: (id: number) => ['assessment', 'period', id] as const,
  results: (id: number, role: AssessmentRole) => ['assessment', 'results', id, role] as const,
  points: (id: number, unitId: number, role: AssessmentRole, ruleId?: ScoringRuleId) =>
    ['assessment', 'points', id, unitId, role, ruleId ?? null] as const,
  trend: (unitId?: number) => ['assessment', 'trend', unitId ?? null] as const,
  ratings: (id: number, taskId: number) => ['assessment', 'ratings', id, taskId] as const,
};

export function usePeriods() {
  return useQuery({ queryKey: assessmentKeys.periods, queryFn: ({ signal }) => listPeriods(signal) });
}

export function usePeriod(id: number) {
  return useQuery({ queryKey: assessmentKeys.period(id), queryFn: ({ signal }) => getPeriod(id, signal) });
}

/** Only asked for once the period has been computed (before that there is nothing to rank). */
export function useResults(id: number, role: AssessmentRole, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.results(id, role),
    queryFn: ({ signal }) => getResults(id, role, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useUnitPoints(id: number, unitId: number | null, role: AssessmentRole, ruleId?: ScoringRuleId) {
  return useQuery({
    queryKey: assessmentKeys.points(id, unitId ?? 0, role, ruleId),
    queryFn: ({ signal }) => getUnitPoints(id, unitId ?? 0, { role, ruleId }, signal),
    enabled: unitId !== null,
  });
}

export function useTrend(unitId?: number) {
  return useQuery({ queryKey: assessmentKeys.trend(unitId), queryFn: ({ signal }) => getTrend(unitId, signal) });
}

export function useRatings(id: number, taskId: number, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.ratings(id, taskId),
    queryFn: ({ signal }) => listRatings(id, taskId, signal),
    enabled,
  });
}

/**
 * Assessment writes. Computing or freezing changes the period, its league tables, explanations
 * and the trend, so every write reloads the whole assessment root; the answered period is kept.
 */
export function useAssessmentMutations() {
  const queryClient = useQueryClient();
  const remember = (period: PeriodView) => queryClient.setQueryData(assessmentKeys.period(period.id), period);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
  return {
    create: useMutation({ mutationFn: createPeriod, onSuccess: remember, onSettled }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdatePeriodInput & { id: number }) => updatePeriod(id, input),
      onSuccess: remember,
      onSettled,
    }),
    // Only the list reloads: refetching the deleted period's own page would answer 404 before we leave it.
    remove: useMutation({
      mutationFn: (id: number) => deletePeriod(id),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.periods }),
    }),
    compute: useMutation({ mutationFn: (id: number) => computePeriod(id), onSuccess: remember, onSettled }),
    freeze: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => freezePeriod(id, version),
      onSuccess: remember,
      onSettled,
    }),
    rate: useMutation({
      mutationFn: ({ periodId, ...input }: RateInput & { periodId: number }) => rateUnitWork(periodId, input),
      onSettled,
    }),
  };
}
