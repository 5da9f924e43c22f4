import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationKeys } from './review-query-keys.js';
import { useSettingsMutation } from './settings.queries.js';
import {
  getDesk,
  getLadderSettings,
  getSupervisionSettings,
  getTaskSupervision,
  listActions,
  updateLadderSettings,
  updateSupervisionSettings,
  urgeTasks,
} from './supervision.api.js';
import { taskKeys } from './task-query-keys.js';

export const supervisionKeys = {
  all: ['supervision'] as const,
  desk: ['supervision', 'desk'] as const,
  actions: (filters: { kind?: string; origin?: string }) => ['supervision', 'actions', filters] as const,
  task: (taskId: number) => ['supervision', 'task', taskId] as const,
  settings: ['settings', 'supervision'] as const,
  ladder: ['settings', 'ladder'] as const,
};

/** The desk refreshes itself every minute: the sweep changes lights in the background. */
export function useDesk() {
  return useQuery({
    queryKey: supervisionKeys.desk,
    queryFn: ({ signal }) => getDesk(signal),
    refetchInterval: 60_000,
  });
}

export function useActions(filters: { kind?: string; origin?: string }) {
  return useQuery({
    queryKey: supervisionKeys.actions(filters),
    queryFn: ({ signal }) => listActions({ ...filters, limit: 100 }, signal),
  });
}

export function useTaskSupervision(taskId: number) {
  return useQuery({
    queryKey: supervisionKeys.task(taskId),
    queryFn: ({ signal }) => getTaskSupervision(taskId, signal),
  });
}

/** Urging changes the tasks' timelines and the desk's counts. */
export function useUrge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: urgeTasks,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}

export function useSupervisionSettings() {
  return useQuery({ queryKey: supervisionKeys.settings, queryFn: ({ signal }) => getSupervisionSettings(signal) });
}

export function useUpdateSupervisionSettings() {
  return useSettingsMutation(supervisionKeys.settings, updateSupervisionSettings);
}

export function useLadderSettings() {
  return useQuery({ queryKey: supervisionKeys.ladder, queryFn: ({ signal }) => getLadderSettings(signal) });
}

export function useUpdateLadderSettings() {
  return useSettingsMutation(supervisionKeys.ladder, updateLadderSettings);
}
