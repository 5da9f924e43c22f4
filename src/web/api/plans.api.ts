import type { z } from 'zod';
import type {
  PlanAction,
  PlanContentInput,
  PlanPartContentInput,
  PlanView,
  planPartSchema,
  planSettingsSchema,
  planVersionDiffSchema,
  planVersionSummarySchema,
  taskPlanSchema,
} from '../../shared/plans-api.js';
import { apiRequest } from './http.js';
import type { ItemList } from './types.js';

/** `GET /tasks/:id/plan`: the newest version (or none) and what the caller may do with it. */
export type TaskPlan = z.infer<typeof taskPlanSchema>;
export type PlanPart = z.infer<typeof planPartSchema>;
export type PlanVersionSummary = z.infer<typeof planVersionSummarySchema>;
export type PlanVersionDiff = z.infer<typeof planVersionDiffSchema>;
export type PlanSettings = z.infer<typeof planSettingsSchema>;
export type { PlanView };

export function getTaskPlan(taskId: number, signal?: AbortSignal): Promise<TaskPlan> {
  return apiRequest(`/tasks/${taskId}/plan`, { signal });
}

/**
 * Creates the plan (version 0), saves its draft, or — on an accepted plan — opens the next
 * version with this content. 409 version_conflict when someone saved in between.
 */
export function savePlan(taskId: number, version: number, content: PlanContentInput): Promise<TaskPlan> {
  return apiRequest(`/tasks/${taskId}/plan`, { method: 'PUT', body: { ...content, version } });
}

/** A cooperating unit's own part (version 0 when the unit has none yet). */
export function savePlanPart(
  taskId: number,
  unitId: number,
  version: number,
  part: PlanPartContentInput,
): Promise<TaskPlan> {
  return apiRequest(`/tasks/${taskId}/plan/parts/${unitId}`, { method: 'PUT', body: { ...part, version } });
}

/** One review step (submit, approve, return with a reason, accept) or `revise` an accepted plan. */
export function actOnPlan(
  taskId: number,
  input: { action: PlanAction; version: number; reason?: string | null },
): Promise<TaskPlan> {
  return apiRequest(`/tasks/${taskId}/plan/actions`, { method: 'POST', body: input });
}

/** Every version of the plan, newest first. */
export function listPlanVersions(taskId: number, signal?: AbortSignal): Promise<ItemList<PlanVersionSummary>> {
  return apiRequest(`/tasks/${taskId}/plan/versions`, { signal });
}

export function getPlanVersion(taskId: number, versionNo: number, signal?: AbortSignal): Promise<PlanView> {
  return apiRequest(`/tasks/${taskId}/plan/versions/${versionNo}`, { signal });
}

/** What changed from version `from` to version `to`, item by item. */
export function diffPlanVersions(
  taskId: number,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<PlanVersionDiff> {
  return apiRequest(`/tasks/${taskId}/plan/versions/${from}/diff/${to}`, { signal });
}

export function getPlanSettings(signal?: AbortSignal): Promise<PlanSettings> {
  return apiRequest('/settings/plans', { signal });
}

export function updatePlanSettings(input: { version: number; requireAcceptedForKeyTasks: boolean }) {
  return apiRequest<PlanSettings>('/settings/plans', { method: 'PUT', body: input });
}
