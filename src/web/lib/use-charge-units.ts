import { useMemo } from 'react';
import type { Unit } from '../api/types.js';
import { useUnits } from '../api/units.queries.js';
import { descendantIds } from './unit-tree.js';

/** The units a leader may narrow a view to: those in their charge and every unit below them. */
export function useChargeUnits(inChargeIds: readonly number[]): Unit[] {
  const units = useUnits(false).data;
  return useMemo(() => {
    if (!units || inChargeIds.length === 0) return [];
    const found = new Set<number>();
    for (const id of inChargeIds) {
      found.add(id);
      for (const below of descendantIds(units, id)) found.add(below);
    }
    return units.filter((unit) => found.has(unit.id));
  }, [units, inChargeIds]);
}
