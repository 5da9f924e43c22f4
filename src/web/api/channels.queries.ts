import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateWebhookInput } from '../../shared/channels-api.js';
import {
  createWebhook,
  type DeliveryFilters,
  deleteWebhook,
  getDigestPreview,
  getNotificationPrefs,
  listDeliveries,
  listWebhooks,
  testWebhook,
  updateNotificationPrefs,
  updateWebhook,
} from './channels.api.js';

/** The query keys of notification channels: a write invalidates exactly what it changes. */
export const channelKeys = {
  prefs: ['me', 'notification-prefs'] as const,
  digest: ['me', 'digest-preview'] as const,
  webhooks: ['webhooks'] as const,
  deliveries: ['deliveries'] as const,
  deliveryList: (filters: DeliveryFilters) => ['deliveries', filters] as const,
};

export function useNotificationPrefs() {
  return useQuery({ queryKey: channelKeys.prefs, queryFn: ({ signal }) => getNotificationPrefs(signal) });
}

/** Saves my preferences; the answer replaces the cached ones, a conflict reloads them. */
export function useUpdateNotificationPrefs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPrefs,
    onSuccess: (prefs) => queryClient.setQueryData(channelKeys.prefs, prefs),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.prefs }),
  });
}

/** Today's digest preview, loaded when asked for. */
export function useDigestPreview(enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.digest,
    queryFn: ({ signal }) => getDigestPreview(signal),
    enabled,
    staleTime: 0,
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: channelKeys.webhooks, queryFn: ({ signal }) => listWebhooks(signal) });
}

function useWebhookMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: channelKeys.webhooks }),
        queryClient.invalidateQueries({ queryKey: channelKeys.deliveries }),
      ]),
  });
}

export const useCreateWebhook = () => useWebhookMutation(createWebhook);
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, ...input }: UpdateWebhookInput & { id: number }) => updateWebhook(id, input));
export const useDeleteWebhook = () =>
  useWebhookMutation(({ id, version }: { id: number; version: number }) => deleteWebhook(id, version));
export const useTestWebhook = () => useWebhookMutation(testWebhook);

/** The delivery log a page at a time ("load more"), filtered by channel and status. */
export function useDeliveries(filters: DeliveryFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: channelKeys.deliveryList(filters),
    queryFn: ({ pageParam, signal }) =>
      listDeliveries({ ...filters, cursor: pageParam ?? undefined, limit: 20 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
