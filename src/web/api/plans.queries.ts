import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanAction, PlanContentInput, PlanPartContentInput } from '../../shared/plans-api.js';
import {
  actOnPlan,
  diffPlanVersions,
  getPlanSettings,
  getPlanVersion,
  getTaskPlan,
  listPlanVersions,
  savePlan,
  savePlanPart,
  type TaskPlan,
  updatePlanSettings,
} from './plans.api.js';
import { notificationKeys, planKeys, reviewKeys, reviewSettingKeys } from './review-query-keys.js';
import { useSettingsMutation } from './settings.queries.js';
import { taskKeys } from './task-query-keys.js';

/** The task's newest plan version and what I may do with it. */
export function useTaskPlan(taskId: number) {
  return useQuery({ queryKey: planKeys.current(taskId), queryFn: ({ signal }) => getTaskPlan(taskId, signal) });
}

export function usePlanVersions(taskId: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.versions(taskId),
    queryFn: ({ signal }) => listPlanVersions(taskId, signal),
    select: (data) => data.items,
    enabled,
  });
}

/** One version of the plan (old versions never change, so they are kept for the visit). */
export function usePlanVersion(taskId: number, versionNo: number | null) {
  return useQuery({
    queryKey: planKeys.version(taskId, versionNo ?? 0),
    queryFn: ({ signal }) => getPlanVersion(taskId, versionNo ?? 0, signal),
    enabled: versionNo !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePlanDiff(taskId: number, from: number | null, to: number | null) {
  return useQuery({
    queryKey: planKeys.diff(taskId, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => diffPlanVersions(taskId, from ?? 0, to ?? 0, signal),
    enabled: from !== null && to !== null && from !== to,
  });
}

/**
 * Plan writes. Each answer is the new plan view (kept at once); a step may also move the task
 * (a held key task starts when its plan is accepted), fill someone's review queue and notify
 * people, so those reload too.
 */
export function usePlanMutations(taskId: number) {
  const queryClient = useQueryClient();
  const remember = (plan: TaskPlan) => queryClient.setQueryData(planKeys.current(taskId), plan);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.task(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    save: useMutation({
      mutationFn: ({ version, content }: { version: number; content: PlanContentInput }) =>
        savePlan(taskId, version, content),
      onSuccess: remember,
      onSettled,
    }),
    savePart: useMutation({
      mutationFn: ({ unitId, version, part }: { unitId: number; version: number; part: PlanPartContentInput }) =>
        savePlanPart(taskId, unitId, version, part),
      onSuccess: remember,
      onSettled,
    }),
    act: useMutation({
      mutationFn: (input: { action: PlanAction; version: number; reason?: string | null }) => actOnPlan(taskId, input),
      onSuccess: remember,
      onSettled,
    }),
  };
}

export function usePlanSettings() {
  return useQuery({ queryKey: reviewSettingKeys.plans, queryFn: ({ signal }) => getPlanSettings(signal) });
}

export function useUpdatePlanSettings() {
  return useSettingsMutation(reviewSettingKeys.plans, updatePlanSettings);
}
