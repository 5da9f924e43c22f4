import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import { queryKeys } from './query-keys.js';
import type { User } from './types.js';
import {
  activateUser,
  type CreateUserInput,
  createUser,
  deactivateUser,
  listUsers,
  resetUserPassword,
  type UpdateUserInput,
  type UserFilters,
  updateUser,
} from './users.api.js';

/** People matching the filters, a page at a time (cursor pagination: "load more"). */
export function useUserPages(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.userList(filters),
    queryFn: ({ pageParam, signal }) =>
      listUsers({ ...filters, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** All user writes; each reloads the user lists (and "me", in case you edited yourself). */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
  };
  return {
    create: useMutation({ mutationFn: (input: CreateUserInput) => createUser(input), onSettled }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdateUserInput & { id: number }) => updateUser(id, input),
      onSettled,
    }),
    setActive: useMutation({
      mutationFn: ({ user, active }: { user: User; active: boolean }) =>
        active ? activateUser(user.id, user.version) : deactivateUser(user.id, user.version),
      onSettled,
    }),
    resetPassword: useMutation({
      mutationFn: ({ user, password }: { user: User; password: string }) => resetUserPassword(user.id, password),
    }),
  };
}
