import type { z } from 'zod';
import type {
  CoordinationAction,
  CoordinationBox,
  CoordinationChainView,
  CoordinationQueueView,
  CoordinationRequestView,
  CoordinationStatsView,
  CreateCoordinationInput,
  coordinationTargetsSchema,
  TaskCoordinationView,
} from '../../shared/coordination-api.js';
import { apiRequest } from './http.js';

/** `GET /tasks/:id/coordination`: the chains of requests, with what I may do on each. */
export type TaskCoordination = TaskCoordinationView;
export type CoordinationChain = CoordinationChainView;
export type CoordinationRequest = CoordinationRequestView;
export type CoordinationQueuePage = CoordinationQueueView;
export type CoordinationStats = CoordinationStatsView;
export type CoordinationTargets = z.infer<typeof coordinationTargetsSchema>;
export type CoordinationQueueState = 'active' | 'late' | 'all';

/** What each step sends besides the version (see src/shared/coordination-api.ts). */
export interface CoordinationStepInput {
  commitmentDate?: string;
  response?: string | null;
  reason?: string | null;
  toUnitId?: number | null;
  toLeaderId?: number | null;
  dueDate?: string | null;
}

/** The path segment of each step. */
const STEP_PATHS: Record<CoordinationAction, string> = {
  accept: 'accept',
  decline: 'decline',
  pass_on: 'pass-on',
  fulfil: 'fulfil',
  withdraw: 'withdraw',
  resend: 'resend',
  resolve: 'resolve',
};

/** The members each step's body takes (the API refuses unknown ones). */
const STEP_FIELDS: Record<CoordinationAction, ReadonlyArray<keyof CoordinationStepInput>> = {
  accept: ['commitmentDate', 'response'],
  decline: ['reason'],
  pass_on: ['toUnitId', 'reason'],
  fulfil: ['response'],
  withdraw: ['reason'],
  resend: ['toUnitId', 'toLeaderId', 'dueDate'],
  resolve: ['response', 'toUnitId', 'dueDate'],
};

export function getTaskCoordination(taskId: number, signal?: AbortSignal): Promise<TaskCoordination> {
  return apiRequest(`/tasks/${taskId}/coordination`, { signal });
}

/** Asks another unit or a leader; answers the new request. */
export function createCoordination(taskId: number, input: CreateCoordinationInput): Promise<CoordinationRequest> {
  return apiRequest(`/tasks/${taskId}/coordination`, { method: 'POST', body: input });
}

/** One step on a request; answers the request as it now stands. */
export function actOnCoordination(
  requestId: number,
  action: CoordinationAction,
  input: CoordinationStepInput & { version: number },
): Promise<CoordinationRequest> {
  const body: Record<string, unknown> = { version: input.version };
  for (const field of STEP_FIELDS[action]) {
    if (input[field] !== undefined) body[field] = input[field];
  }
  return apiRequest(`/coordination/${requestId}/${STEP_PATHS[action]}`, { method: 'POST', body });
}

/** One box of my queue, a page at a time. */
export function listCoordination(
  query: { box: CoordinationBox; state: CoordinationQueueState; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<CoordinationQueuePage> {
  return apiRequest('/coordination', { query, signal });
}

/** Per unit asked: received, declined, passed on, bounces, escalated, open, late (my scope). */
export function getCoordinationStats(signal?: AbortSignal): Promise<CoordinationStats> {
  return apiRequest('/coordination/stats', { signal });
}

/** The leaders a request may be addressed to. */
export function getCoordinationTargets(signal?: AbortSignal): Promise<CoordinationTargets> {
  return apiRequest('/coordination/targets', { signal });
}
