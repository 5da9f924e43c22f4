import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../shared/limits.js';
import {
  type Bulletin,
  type BulletinContent,
  type BulletinStatus,
  bulletinStep,
  type CreateBulletinInput,
  createBulletin,
  getBulletin,
  listBulletinPeriods,
  listBulletins,
  markBulletinRead,
  updateBulletin,
} from '../../api/bulletins.api.js';
import { notificationKeys } from '../../api/review-query-keys.js';

/** Query keys of bulletins (a feature file of its own, so parallel work does not collide). */
export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (status: BulletinStatus | undefined) => ['bulletins', 'list', { status }] as const,
  detail: (id: number) => ['bulletins', 'detail', id] as const,
  periods: ['bulletins', 'periods'] as const,
  unread: ['bulletins', 'unread'] as const,
};

/** The issued bulletins my unit has not read yet (the inbox shows them). */
export function useUnreadBulletins(enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.unread,
    queryFn: ({ signal }) => listBulletins({ unread: true, limit: 10 }, signal),
    enabled,
  });
}

export function useBulletinPages(status: BulletinStatus | undefined) {
  return useInfiniteQuery({
    queryKey: bulletinKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      listBulletins({ status, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useBulletin(id: number) {
  return useQuery({
    queryKey: bulletinKeys.detail(id),
    queryFn: ({ signal }) => getBulletin(id, signal),
    enabled: id > 0,
  });
}

/** The periods for the generate form; fetched only while it is open. */
export function useBulletinPeriods(enabled: boolean) {
  return useQuery({ queryKey: bulletinKeys.periods, queryFn: ({ signal }) => listBulletinPeriods(signal), enabled });
}

/** Bulletin writes; each answer is the bulletin itself, remembered so the editor shows it at once. */
export function useBulletinMutations() {
  const queryClient = useQueryClient();
  const remember = (bulletin: Bulletin) => queryClient.setQueryData(bulletinKeys.detail(bulletin.id), bulletin);
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['bulletins', 'list'] }),
      queryClient.invalidateQueries({ queryKey: bulletinKeys.unread }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    create: useMutation({
      mutationFn: (input: CreateBulletinInput) => createBulletin(input),
      onSuccess: remember,
      onSettled,
    }),
    save: useMutation({
      mutationFn: ({ id, ...input }: { id: number; title?: string; content?: BulletinContent; version: number }) =>
        updateBulletin(id, input),
      onSuccess: remember,
      onSettled,
    }),
    step: useMutation({
      mutationFn: ({ id, step, version }: { id: number; step: 'regenerate' | 'issue'; version: number }) =>
        bulletinStep(id, step, version),
      onSuccess: remember,
      onSettled,
    }),
    read: useMutation({ mutationFn: (id: number) => markBulletinRead(id), onSuccess: remember, onSettled }),
  };
}
