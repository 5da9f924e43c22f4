import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getReviewReasons,
  getReviewSummary,
  getReviewWorksheet,
  type ReviewFilters,
  type ReviewItem,
  type ReviewReason,
  type SaveReviewBody,
  saveReview,
  updateReviewReasons,
} from '../../api/review.api.js';

/** Query keys of the item-by-item review (a feature file of its own, so parallel work does not collide). */
export const reviewKeys = {
  all: ['review'] as const,
  worksheet: (periodId: number, filters: ReviewFilters) => ['review', 'worksheet', periodId, filters] as const,
  summary: (periodId: number) => ['review', 'summary', periodId] as const,
  reasons: ['review', 'reasons'] as const,
};

export function useReviewWorksheet(periodId: number, filters: ReviewFilters) {
  return useQuery({
    queryKey: reviewKeys.worksheet(periodId, filters),
    queryFn: ({ signal }) => getReviewWorksheet(periodId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReviewSummary(periodId: number) {
  return useQuery({
    queryKey: reviewKeys.summary(periodId),
    queryFn: ({ signal }) => getReviewSummary(periodId, signal),
  });
}

/** The reasons list changes rarely: kept for a few minutes. */
export function useReviewReasons() {
  return useQuery({
    queryKey: reviewKeys.reasons,
    queryFn: ({ signal }) => getReviewReasons(signal),
    staleTime: 300_000,
  });
}

/**
 * Saves one row. The worksheet is patched in place (200+ rows should not reload on every key
 * press); the summary (chart, progress) refetches.
 */
export function useSaveReview(periodId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: number; body: SaveReviewBody }) => saveReview(periodId, taskId, body),
    onSuccess: (item: ReviewItem) => {
      client.setQueriesData<{ items: ReviewItem[]; reviewed: number }>(
        { queryKey: ['review', 'worksheet', periodId] },
        (old) => {
          if (!old) return old;
          const before = old.items.find((row) => row.taskId === item.taskId);
          const newlyReviewed = before && !before.review ? 1 : 0;
          return {
            ...old,
            reviewed: old.reviewed + newlyReviewed,
            items: old.items.map((row) => (row.taskId === item.taskId ? item : row)),
          };
        },
      );
      void client.invalidateQueries({ queryKey: reviewKeys.summary(periodId) });
    },
  });
}

export function useUpdateReviewReasons() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { reasons: ReviewReason[]; version: number }) => updateReviewReasons(body),
    onSuccess: (data) => {
      client.setQueryData(reviewKeys.reasons, data);
      void client.invalidateQueries({ queryKey: ['review', 'summary'] });
    },
  });
}
