import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExtensionQueueFilter, RequestExtensionInput } from '../../shared/extensions-api.js';
import { LIMITS } from '../../shared/limits.js';
import {
  actOnExtension,
  getTaskExtensions,
  listExtensions,
  requestExtension,
  type TaskExtensions,
} from './extensions.api.js';
import { notificationKeys } from './review-query-keys.js';
import { taskKeys } from './task-query-keys.js';

/** Query keys of extension requests (a feature file of its own, so parallel work does not collide). */
export const extensionKeys = {
  all: ['extensions'] as const,
  task: (taskId: number) => ['extensions', 'task', taskId] as const,
  queue: (status: ExtensionQueueFilter) => ['extensions', 'queue', status] as const,
};

/** The task's deadlines, extension requests and deadline history. */
export function useTaskExtensions(taskId: number) {
  return useQuery({ queryKey: extensionKeys.task(taskId), queryFn: ({ signal }) => getTaskExtensions(taskId, signal) });
}

/** The extension queue, a page at a time. */
export function useExtensionQueue(status: ExtensionQueueFilter) {
  return useInfiniteQuery({
    queryKey: extensionKeys.queue(status),
    queryFn: ({ pageParam, signal }) =>
      listExtensions({ status, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/**
 * Extension writes. An approval moves the task's deadline, so task lists and details reload too,
 * and the queue and notifications with them.
 */
export function useExtensionMutations(taskId: number) {
  const queryClient = useQueryClient();
  const remember = (view: TaskExtensions) => queryClient.setQueryData(extensionKeys.task(taskId), view);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: extensionKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    request: useMutation({
      mutationFn: (input: RequestExtensionInput) => requestExtension(taskId, input),
      onSuccess: remember,
      onSettled,
    }),
    act: useMutation({
      mutationFn: (input: {
        extensionId: number;
        action: 'approve' | 'reject' | 'withdraw';
        version: number;
        comment?: string | null;
      }) => {
        const { extensionId, ...rest } = input;
        return actOnExtension(extensionId, rest);
      },
      onSuccess: remember,
      onSettled,
    }),
  };
}
