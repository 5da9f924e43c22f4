import type { z } from 'zod';
import type { ReviewKind, reviewItemSchema } from '../../shared/closure-api.js';
import { apiRequest } from './http.js';
import type { Page } from './types.js';

/** One plan, report or closure application waiting for the caller's decision. */
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** `GET /reviews` filters; unset ones are left out of the query string. */
export interface ReviewFilters {
  kind?: ReviewKind;
  unitId?: number;
  key?: boolean;
  late?: boolean;
  flagged?: boolean;
}

/** What waits for my review, newest first, a page at a time. */
export function listReviews(
  filters: ReviewFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<ReviewItem>> {
  return apiRequest('/reviews', { query: { ...filters }, signal });
}
