import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../shared/limits.js';
import {
  type CreateRectificationInput,
  createRectification,
  getRectification,
  listRectifications,
  type RectificationFilters,
} from '../../api/rectifications.api.js';
import { notificationKeys } from '../../api/review-query-keys.js';
import { taskKeys } from '../../api/task-query-keys.js';

/** Query keys of rectification items (a feature file of its own, so parallel work does not collide). */
export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (filters: RectificationFilters) => ['rectifications', 'list', filters] as const,
  detail: (taskId: number) => ['rectifications', 'detail', taskId] as const,
};

/** The rectification list, a page at a time. */
export function useRectificationPages(filters: RectificationFilters) {
  return useInfiniteQuery({
    queryKey: rectificationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listRectifications({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useRectification(taskId: number | null) {
  return useQuery({
    queryKey: rectificationKeys.detail(taskId ?? 0),
    queryFn: ({ signal }) => getRectification(taskId ?? 0, signal),
    enabled: taskId !== null,
  });
}

/** Creating an item adds a task (lists, inbox) and notifies the unit, so those reload too. */
export function useCreateRectification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRectificationInput) => createRectification(input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rectificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}
