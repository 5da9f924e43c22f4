import type {
  CreateRectificationInput,
  Rectification,
  RectificationOrigin,
  RectificationPage,
  RectificationState,
} from '../../shared/rectifications-api.js';
import { apiRequest } from './http.js';

export type { CreateRectificationInput, Rectification, RectificationOrigin, RectificationPage, RectificationState };

/** The filters of the rectification list (kept in the address). */
export interface RectificationFilters {
  status?: RectificationState;
  originType?: RectificationOrigin;
  unitId?: number;
  periodId?: number;
  overdue?: boolean;
}

/** `GET /rectifications`: the items I may see, newest first, a page at a time. */
export function listRectifications(
  filters: RectificationFilters & { cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<RectificationPage> {
  const { overdue, ...rest } = filters;
  return apiRequest('/rectifications', { query: { ...rest, overdue: overdue ? 'true' : undefined }, signal });
}

export function getRectification(taskId: number, signal?: AbortSignal): Promise<Rectification> {
  return apiRequest(`/rectifications/${taskId}`, { signal });
}

/** The supervision office creates the item: a task of kind `rectification` assigned to the owner unit. */
export function createRectification(input: CreateRectificationInput): Promise<Rectification> {
  return apiRequest('/rectifications', { method: 'POST', body: input });
}
