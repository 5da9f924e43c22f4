import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import { reviewKeys } from './review-query-keys.js';
import { listReviews, type ReviewFilters } from './reviews.api.js';

/** What waits for my review, matching the filters, a page at a time. */
export function useReviewPages(filters: ReviewFilters) {
  return useInfiniteQuery({
    queryKey: reviewKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listReviews({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}
