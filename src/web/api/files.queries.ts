import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileSettings } from '../../shared/files-api.js';
import { deleteTaskFile, updateFileSettings } from './files.api.js';
import { reportSettingKeys } from './report-query-keys.js';
import { taskFileKeys } from './review-query-keys.js';
import { taskKeys } from './task-query-keys.js';

/** Deletes one of the task's files; the list (and the task's timeline) reload. */
export function useDeleteTaskFile(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: number) => deleteTaskFile(fileId),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskFileKeys.list(taskId) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      ]),
  });
}

export function useUpdateFileSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FileSettings) => updateFileSettings(input),
    onSuccess: (settings) => queryClient.setQueryData(reportSettingKeys.files, settings),
  });
}
