import type { TaskOutcome } from '../../shared/assessment-api.js';
import type {
  ReasonCategory,
  ReviewItem,
  ReviewReason,
  ReviewReasons,
  ReviewSummary,
  ReviewWorksheet,
  SaveReviewBody,
} from '../../shared/review-api.js';
import { apiRequest } from './http.js';

export type { ReasonCategory, ReviewItem, ReviewReason, ReviewReasons, ReviewSummary, ReviewWorksheet, SaveReviewBody };

/** The worksheet's filters (the server answers every matching task at once, by task number). */
export interface ReviewFilters {
  outcome?: TaskOutcome | undefined;
  reviewed?: boolean | undefined;
  unitId?: number | undefined;
}

/** `GET /assessment/periods/:id/review`. */
export function getReviewWorksheet(
  periodId: number,
  filters: ReviewFilters,
  signal?: AbortSignal,
): Promise<ReviewWorksheet> {
  const { reviewed, ...rest } = filters;
  return apiRequest(`/assessment/periods/${periodId}/review`, {
    query: { ...rest, reviewed: reviewed === undefined ? undefined : String(reviewed) },
    signal,
  });
}

/** `PUT /assessment/periods/:id/review/:taskId`: classifies one task (version 0 = first review). */
export function saveReview(periodId: number, taskId: number, body: SaveReviewBody): Promise<ReviewItem> {
  return apiRequest(`/assessment/periods/${periodId}/review/${taskId}`, { method: 'PUT', body });
}

/** `GET /assessment/periods/:id/review/summary`: counts by outcome, reason and category. */
export function getReviewSummary(periodId: number, signal?: AbortSignal): Promise<ReviewSummary> {
  return apiRequest(`/assessment/periods/${periodId}/review/summary`, { signal });
}

/** `GET /review-reasons`: the configurable list of reasons. */
export function getReviewReasons(signal?: AbortSignal): Promise<ReviewReasons> {
  return apiRequest('/review-reasons', { signal });
}

/** `PUT /review-reasons`: replaces the list (supervision; a code in use may be archived, not removed). */
export function updateReviewReasons(body: { reasons: ReviewReason[]; version: number }): Promise<ReviewReasons> {
  return apiRequest('/review-reasons', { method: 'PUT', body });
}
