import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import { getUnreadCount, listNotifications, markNotificationsRead } from './notifications.api.js';
import { notificationKeys } from './review-query-keys.js';

/** How often the bell asks for news while the page is open. */
const POLL_MS = 60_000;

/** The unread count for the bell: every minute, and whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => getUnreadCount(signal),
    select: (data) => data.unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/** The newest few notifications, for the bell's dropdown (loaded when it opens). */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => listNotifications({ limit: 6 }, signal),
    select: (page) => page.items,
    enabled,
    staleTime: 0,
  });
}

/** My notifications a page at a time ("load more"), all or unread only. */
export function useNotificationPages(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      listNotifications({ unread: unreadOnly, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchOnWindowFocus: true,
  });
}

/** Marks notifications read; the count is answered at once, the lists reload. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (result) => queryClient.setQueryData(notificationKeys.unread, { unread: result.unread }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
