import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getMe, type LoginInput, login, logout } from './auth.api.js';
import { changePassword, createToken, listTokens, revokeToken } from './me.api.js';
import { queryKeys } from './query-keys.js';
import { getHealth } from './system.api.js';

/** The signed-in person; errors with 401 when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Server version for the login footer; silent when the server is unreachable. */
export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Signs in and starts from an empty cache, so nothing of a previous person lingers. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}

/**
 * Ends the session on the server. The caller leaves the signed-in pages and then clears the
 * cache (in that order, so nothing still on screen refetches as nobody).
 */
export function useLogout() {
  return useMutation({ mutationFn: logout });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: ({ signal }) => listTokens(signal) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
