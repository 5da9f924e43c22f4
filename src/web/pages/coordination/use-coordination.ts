import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoordinationAction, CoordinationBox, CreateCoordinationInput } from '../../../shared/coordination-api.js';
import { LIMITS } from '../../../shared/limits.js';
import {
  actOnCoordination,
  type CoordinationQueueState,
  type CoordinationStepInput,
  createCoordination,
  getCoordinationStats,
  getCoordinationTargets,
  getTaskCoordination,
  listCoordination,
} from '../../api/coordination.api.js';
import { notificationKeys } from '../../api/review-query-keys.js';
import { taskKeys } from '../../api/task-query-keys.js';

/** Query keys of coordination requests (a feature file of its own, so parallel work does not collide). */
export const coordinationKeys = {
  all: ['coordination'] as const,
  task: (taskId: number) => ['coordination', 'task', taskId] as const,
  queue: (box: CoordinationBox, state: CoordinationQueueState) => ['coordination', 'queue', box, state] as const,
  stats: ['coordination', 'stats'] as const,
  targets: ['coordination', 'targets'] as const,
};

/** The task's chains of requests with what I may do. */
export function useTaskCoordination(taskId: number) {
  return useQuery({
    queryKey: coordinationKeys.task(taskId),
    queryFn: ({ signal }) => getTaskCoordination(taskId, signal),
  });
}

/** One box of my queue, a page at a time. */
export function useCoordinationQueue(box: CoordinationBox, state: CoordinationQueueState) {
  return useInfiniteQuery({
    queryKey: coordinationKeys.queue(box, state),
    queryFn: ({ pageParam, signal }) =>
      listCoordination({ box, state, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useCoordinationStats(enabled = true) {
  return useQuery({ queryKey: coordinationKeys.stats, queryFn: ({ signal }) => getCoordinationStats(signal), enabled });
}

/** The leaders one may ask (rarely changes: kept for a while). */
export function useCoordinationLeaders(enabled = true) {
  return useQuery({
    queryKey: coordinationKeys.targets,
    queryFn: ({ signal }) => getCoordinationTargets(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/**
 * Coordination writes: every view of requests (task sections, queues, counts), the task's timeline
 * (each step is on it) and notifications reload.
 */
export function useCoordinationMutations(taskId: number) {
  const queryClient = useQueryClient();
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: coordinationKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    create: useMutation({
      mutationFn: (input: CreateCoordinationInput) => createCoordination(taskId, input),
      onSettled,
    }),
    act: useMutation({
      mutationFn: (
        input: CoordinationStepInput & { requestId: number; action: CoordinationAction; version: number },
      ) => {
        const { requestId, action, ...rest } = input;
        return actOnCoordination(requestId, action, rest);
      },
      onSettled,
    }),
  };
}
