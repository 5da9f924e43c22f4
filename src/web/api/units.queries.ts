import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';
import type { Unit } from './types.js';
import {
  archiveUnit,
  type CreateUnitInput,
  createUnit,
  listUnits,
  moveUnit,
  restoreUnit,
  type UpdateUnitInput,
  updateUnit,
} from './units.api.js';

/** All units, flat; the tree is built where it is shown. */
export function useUnits(includeArchived = false) {
  return useQuery({
    queryKey: queryKeys.unitList(includeArchived),
    queryFn: ({ signal }) => listUnits(includeArchived, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** After any unit write: units change, and users show unit names, so both reload. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.units }),
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
  };
}

/** All unit writes; every one reloads the unit list when it settles, success or conflict. */
export function useUnitMutations() {
  const invalidate = useInvalidateUnits();
  const settle = { onSettled: invalidate };
  return {
    create: useMutation({ mutationFn: (input: CreateUnitInput) => createUnit(input), ...settle }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdateUnitInput & { id: number }) => updateUnit(id, input),
      ...settle,
    }),
    move: useMutation({
      mutationFn: ({ unit, parentId }: { unit: Unit; parentId: number | null }) =>
        moveUnit(unit.id, { version: unit.version, parentId }),
      ...settle,
    }),
    archive: useMutation({ mutationFn: (unit: Unit) => archiveUnit(unit.id, unit.version), ...settle }),
    restore: useMutation({ mutationFn: (unit: Unit) => restoreUnit(unit.id, unit.version), ...settle }),
  };
}
