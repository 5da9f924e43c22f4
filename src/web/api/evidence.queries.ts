import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLocale } from '../i18n/index.js';
import { getFileSettings, listTaskFiles, type TaskFile, uploadTaskFile } from './evidence.api.js';
import { taskFileKeys } from './review-query-keys.js';

/** A task's files (for picking evidence), newest first. */
export function useTaskFiles(taskId: number, enabled = true) {
  return useQuery({
    queryKey: taskFileKeys.list(taskId),
    queryFn: ({ signal }) => listTaskFiles(taskId, signal),
    select: (data) => data.items,
    enabled,
  });
}

/** Uploads a file to the task; the new file joins the task's list at once. */
export function useUploadTaskFile(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (percent: number) => void }) =>
      uploadTaskFile(taskId, file, { language: currentLocale(), onProgress }),
    onSuccess: (file: TaskFile) =>
      queryClient.setQueryData<{ items: TaskFile[] }>(taskFileKeys.list(taskId), (old) =>
        old ? { items: [file, ...old.items.filter((item) => item.id !== file.id)] } : old,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskFileKeys.list(taskId) }),
  });
}

/** The upload size limit, to say it before people pick a file too large. */
export function useFileSettings() {
  return useQuery({
    queryKey: ['settings', 'files'] as const,
    queryFn: ({ signal }) => getFileSettings(signal),
    staleTime: 5 * 60_000,
  });
}
