import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import {
  getNotice,
  getNoticeDraft,
  getTaskNotices,
  type IssueNoticesInput,
  issueNotices,
  listNotices,
  type Notice,
  type NoticeFilters,
  respondToNotice,
  reviewNotice,
} from './notices.api.js';
import { notificationKeys } from './review-query-keys.js';
import { taskKeys } from './task-query-keys.js';

/** Query keys of supervision notices (a feature file of its own, so parallel work does not collide). */
export const noticeKeys = {
  all: ['notices'] as const,
  list: (filters: NoticeFilters) => ['notices', 'list', filters] as const,
  task: (taskId: number) => ['notices', 'task', taskId] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  draft: (taskId: number) => ['notices', 'draft', taskId] as const,
};

/** The notices list, a page at a time. */
export function useNoticePages(filters: NoticeFilters) {
  return useInfiniteQuery({
    queryKey: noticeKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listNotices({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useTaskNotices(taskId: number) {
  return useQuery({ queryKey: noticeKeys.task(taskId), queryFn: ({ signal }) => getTaskNotices(taskId, signal) });
}

export function useNotice(id: number) {
  return useQuery({ queryKey: noticeKeys.detail(id), queryFn: ({ signal }) => getNotice(id, signal) });
}

/** The default texts for the issue form; fetched only while the form is open. */
export function useNoticeDraft(taskId: number, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.draft(taskId),
    queryFn: ({ signal }) => getNoticeDraft(taskId, signal),
    enabled,
    staleTime: 0,
  });
}

/**
 * Notice writes. Issuing or answering puts an entry on the task's timeline and may change its
 * health, so the task reloads too, and the notifications.
 */
export function useNoticeMutations() {
  const queryClient = useQueryClient();
  const remember = (notice: Notice) => queryClient.setQueryData(noticeKeys.detail(notice.id), notice);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    issue: useMutation({ mutationFn: (input: IssueNoticesInput) => issueNotices(input), onSettled }),
    respond: useMutation({
      mutationFn: ({ id, ...input }: { id: number; response: string; version: number }) => respondToNotice(id, input),
      onSuccess: remember,
      onSettled,
    }),
    review: useMutation({
      mutationFn: ({
        id,
        ...input
      }: {
        id: number;
        action: 'accept' | 'return';
        reason?: string | null;
        version: number;
      }) => reviewNotice(id, input),
      onSuccess: remember,
      onSettled,
    }),
  };
}
