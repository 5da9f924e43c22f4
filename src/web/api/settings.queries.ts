import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** Saves a versioned settings object: the answer is shown at once, then reloaded, conflict or not. */
export function useSettingsMutation<I, S>(queryKey: QueryKey, update: (input: I) => Promise<S>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: update,
    onSuccess: (settings) => queryClient.setQueryData(queryKey, settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
