import type { z } from 'zod';
import type {
  ClosureAction,
  closureApplicationSchema,
  closureRoundSchema,
  closureSettingsSchema,
  TargetResult,
  taskClosureSchema,
} from '../../shared/closure-api.js';
import { apiRequest } from './http.js';

/** `GET /tasks/:id/closure`: the current application (or none), every round and what I may do. */
export type TaskClosure = z.infer<typeof taskClosureSchema>;
export type ClosureApplication = z.infer<typeof closureApplicationSchema>;
export type ClosureRound = z.infer<typeof closureRoundSchema>;
export type ClosureSettings = z.infer<typeof closureSettingsSchema>;

export interface ClosureInput {
  summary: string;
  targetResults: TargetResult[];
  fileIds: number[];
}

export function getTaskClosure(taskId: number, signal?: AbortSignal): Promise<TaskClosure> {
  return apiRequest(`/tasks/${taskId}/closure`, { signal });
}

/** Creates (version 0) or saves the application with its results and evidence files. */
export function saveClosure(taskId: number, version: number, input: ClosureInput): Promise<TaskClosure> {
  return apiRequest(`/tasks/${taskId}/closure`, { method: 'PUT', body: { ...input, version } });
}

/** Submit, approve, return (with a reason), accept or confirm. */
export function actOnClosure(
  taskId: number,
  input: { action: ClosureAction; version: number; reason?: string | null },
): Promise<TaskClosure> {
  return apiRequest(`/tasks/${taskId}/closure/actions`, { method: 'POST', body: input });
}

export function getClosureSettings(signal?: AbortSignal): Promise<ClosureSettings> {
  return apiRequest('/settings/closure', { signal });
}

export function updateClosureSettings(input: { version: number; leaderConfirmsKeyTasks: boolean }) {
  return apiRequest<ClosureSettings>('/settings/closure', { method: 'PUT', body: input });
}
