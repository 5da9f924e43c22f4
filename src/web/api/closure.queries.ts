import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosureAction } from '../../shared/closure-api.js';
import {
  actOnClosure,
  type ClosureInput,
  getClosureSettings,
  getTaskClosure,
  saveClosure,
  type TaskClosure,
  updateClosureSettings,
} from './closure.api.js';
import { closureKeys, notificationKeys, reviewKeys, reviewSettingKeys, taskFileKeys } from './review-query-keys.js';
import { useSettingsMutation } from './settings.queries.js';
import { sourceKeys, taskKeys } from './task-query-keys.js';

/** The task's closure application, its rounds and what I may do. */
export function useTaskClosure(taskId: number) {
  return useQuery({ queryKey: closureKeys.task(taskId), queryFn: ({ signal }) => getTaskClosure(taskId, signal) });
}

/**
 * Closure writes. A step moves the task itself (closure requested, closed, returned), so task
 * lists, the inbox, the review queue, notifications and the files' "in use" marks reload too.
 */
export function useClosureMutations(taskId: number) {
  const queryClient = useQueryClient();
  const remember = (closure: TaskClosure) => queryClient.setQueryData(closureKeys.task(taskId), closure);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: closureKeys.task(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
      queryClient.invalidateQueries({ queryKey: sourceKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskFileKeys.list(taskId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    save: useMutation({
      mutationFn: ({ version, input }: { version: number; input: ClosureInput }) => saveClosure(taskId, version, input),
      onSuccess: remember,
      onSettled,
    }),
    act: useMutation({
      mutationFn: (input: { action: ClosureAction; version: number; reason?: string | null }) =>
        actOnClosure(taskId, input),
      onSuccess: remember,
      onSettled,
    }),
  };
}

export function useClosureSettings() {
  return useQuery({ queryKey: reviewSettingKeys.closure, queryFn: ({ signal }) => getClosureSettings(signal) });
}

export function useUpdateClosureSettings() {
  return useSettingsMutation(reviewSettingKeys.closure, updateClosureSettings);
}
