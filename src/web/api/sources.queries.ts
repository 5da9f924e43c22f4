import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import type { SourceDetail } from '../../shared/task-api.js';
import {
  type CreateSourceInput,
  createSource,
  deleteSource,
  getSource,
  listSources,
  type SourceFilters,
  type UpdateSourceInput,
  updateSource,
} from './sources.api.js';
import { sourceKeys, taskKeys } from './task-query-keys.js';

/** Sources matching the filters, a page at a time ("load more"). */
export function useSourcePages(filters: SourceFilters) {
  return useInfiniteQuery({
    queryKey: sourceKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listSources({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** The first sources matching a search, for pickers. */
export function useSourceOptions(q: string) {
  return useQuery({
    queryKey: sourceKeys.list({ q: q || undefined }),
    queryFn: ({ signal }) => listSources({ q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
  });
}

/** One source with its full text; `id` null waits. */
export function useSource(id: number | null) {
  return useQuery({
    queryKey: sourceKeys.detail(id ?? 0),
    queryFn: ({ signal }) => getSource(id as number, signal),
    enabled: id !== null,
  });
}

/** Source writes; each reloads the sources (and tasks, which show their source). */
export function useSourceMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sourceKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    ]);
  };
  const remember = (source: SourceDetail) => queryClient.setQueryData(sourceKeys.detail(source.id), source);
  return {
    create: useMutation({
      mutationFn: (input: CreateSourceInput) => createSource(input),
      onSuccess: remember,
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdateSourceInput & { id: number }) => updateSource(id, input),
      onSuccess: remember,
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: number) => deleteSource(id), onSettled }),
  };
}
