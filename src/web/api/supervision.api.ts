import type { z } from 'zod';
import type { ladderRuleSchema, ladderSettingsSchema } from '../../shared/ladder-api.js';
import type {
  actionPageSchema,
  deskSchema,
  supervisionActionSchema,
  taskSupervisionSchema,
  urgeResultSchema,
} from '../../shared/supervision-api.js';
import type { SupervisionSettings } from '../../shared/supervision-settings.js';
import { apiRequest } from './http.js';

export type Desk = z.infer<typeof deskSchema>;
export type SupervisionAction = z.infer<typeof supervisionActionSchema>;
export type ActionPage = z.infer<typeof actionPageSchema>;
export type TaskSupervision = z.infer<typeof taskSupervisionSchema>;
export type LadderRuleView = z.infer<typeof ladderRuleSchema>;
export type LadderSettings = z.infer<typeof ladderSettingsSchema>;
export type { SupervisionSettings };

export function getDesk(signal?: AbortSignal): Promise<Desk> {
  return apiRequest('/supervision/desk', { signal });
}

export function listActions(
  query: { kind?: string; origin?: string; cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<ActionPage> {
  return apiRequest('/supervision/actions', { query, signal });
}

/** Urge (催办) or remind one task or many with a message. */
export function urgeTasks(input: { taskIds: number[]; kind: 'urge' | 'reminder'; message: string }) {
  return apiRequest<z.infer<typeof urgeResultSchema>>('/supervision/urges', { method: 'POST', body: input });
}

export function getTaskSupervision(taskId: number, signal?: AbortSignal): Promise<TaskSupervision> {
  return apiRequest(`/tasks/${taskId}/supervision`, { signal });
}

export function getSupervisionSettings(signal?: AbortSignal): Promise<SupervisionSettings> {
  return apiRequest('/settings/supervision', { signal });
}

export function updateSupervisionSettings(input: SupervisionSettings): Promise<SupervisionSettings> {
  return apiRequest('/settings/supervision', { method: 'PUT', body: input });
}

export function getLadderSettings(signal?: AbortSignal): Promise<LadderSettings> {
  return apiRequest('/settings/ladder', { signal });
}

export function updateLadderSettings(input: LadderSettings): Promise<LadderSettings> {
  return apiRequest('/settings/ladder', { method: 'PUT', body: input });
}
