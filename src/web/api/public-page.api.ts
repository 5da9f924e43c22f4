import type { z } from 'zod';
import type {
  ModeratedRating,
  moderatedRatingPageSchema,
  RatingStatus,
  setTaskPublicResultSchema,
} from '../../shared/public-api.js';
import { apiRequest } from './http.js';

export type { ModeratedRating, RatingStatus };
export type ModeratedRatingPage = z.infer<typeof moderatedRatingPageSchema>;
export type SetTaskPublicResult = z.infer<typeof setTaskPublicResultSchema>;

/** `POST /tasks/:id/public`: open a task (and optionally its subtree) to the public, or close it. */
export function setTaskPublic(
  taskId: number,
  body: { isPublic: boolean; includeSubtasks: boolean; version: number },
): Promise<SetTaskPublicResult> {
  return apiRequest(`/tasks/${taskId}/public`, { method: 'POST', body });
}

/** `GET /public-ratings`: one page of ratings of a status, newest first. */
export function listPublicRatings(
  query: { status: RatingStatus; page: number },
  signal?: AbortSignal,
): Promise<ModeratedRatingPage> {
  return apiRequest('/public-ratings', { query, signal });
}

/** `POST /public-ratings/:id/moderate`. */
export function moderatePublicRating(
  id: number,
  body: { status: 'approved' | 'rejected'; version: number },
): Promise<ModeratedRating> {
  return apiRequest(`/public-ratings/${id}/moderate`, { method: 'POST', body });
}

export const publicRatingKeys = {
  all: ['public-ratings'] as const,
  list: (status: RatingStatus, page: number) => ['public-ratings', status, page] as const,
};
