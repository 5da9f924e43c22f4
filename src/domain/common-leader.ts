// The lowest common leader (需协调事项, issue 5 item 5): when two units bounce a coordination request
// between them, it goes to the leader in charge of the deepest unit above (or equal to) both — the
// first person in the tree who can settle the matter for both sides. Units carry materialised paths
// such as `/1/7/42/`; a leader is in charge of whole subtrees (leader_units).

/** A leader and the units they are in charge of. */
export interface LeaderCharge {
  leaderId: number;
  unitIds: readonly number[];
}

/** The unit ids of a materialised path, root first: `/1/7/42/` → [1, 7, 42]. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
}

/**
 * The units that are an ancestor-or-self of every given path, deepest first (empty when the paths
 * share no root, or when none is given).
 */
export function commonAncestorIds(paths: readonly string[]): number[] {
  const lists = paths.map(pathIds);
  const [first, ...rest] = lists;
  if (!first) return [];
  const shared: number[] = [];
  for (const [index, id] of first.entries()) {
    if (!rest.every((list) => list[index] === id)) break;
    shared.push(id);
  }
  return shared.reverse();
}

/**
 * The leader in charge of the deepest common ancestor of the paths; when nobody is in charge there,
 * the one of the next unit up, and so on; null when no common ancestor has a leader (the
 * supervision office then takes the matter). Among several leaders of one unit the lowest id wins,
 * so every node picks the same person. `exclude` leaves people out (one who already refused).
 */
export function lowestCommonLeader(
  paths: readonly string[],
  charges: readonly LeaderCharge[],
  exclude: readonly number[] = [],
): number | null {
  const skipped = new Set(exclude);
  for (const unitId of commonAncestorIds(paths)) {
    const leaders = charges
      .filter((charge) => !skipped.has(charge.leaderId) && charge.unitIds.includes(unitId))
      .map((charge) => charge.leaderId)
      .sort((a, b) => a - b);
    if (leaders[0] !== undefined) return leaders[0];
  }
  return null;
}
