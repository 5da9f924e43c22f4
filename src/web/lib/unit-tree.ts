import type { Unit } from '../api/types.js';

/** A unit with its children, in the server's order. */
export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/**
 * Builds the forest from the flat list. A unit whose parent is missing (for example an active
 * unit under an archived parent that is hidden) is shown at the top rather than lost.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id) as UnitNode;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of every unit below `id` (not including `id`). */
export function descendantIds(units: readonly Unit[], id: number): Set<number> {
  const childrenOf = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = childrenOf.get(unit.parentId) ?? [];
    list.push(unit.id);
    childrenOf.set(unit.parentId, list);
  }
  const found = new Set<number>();
  const stack = [...(childrenOf.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (found.has(next)) continue;
    found.add(next);
    stack.push(...(childrenOf.get(next) ?? []));
  }
  return found;
}

/** True when the unit's name, short name or an alias contains the query (case-insensitive). */
export function unitMatches(unit: Unit, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [unit.name, unit.shortName ?? '', ...unit.aliases].some((text) => text.toLowerCase().includes(needle));
}

/**
 * Keeps matching units and the ancestors that lead to them; returns the pruned forest and the
 * ids to expand so every match is visible.
 */
export function filterUnitTree(roots: readonly UnitNode[], query: string): { roots: UnitNode[]; expandIds: number[] } {
  const expandIds: number[] = [];
  const visit = (node: UnitNode): UnitNode | null => {
    const children = node.children.map(visit).filter((child): child is UnitNode => child !== null);
    if (children.length > 0) expandIds.push(node.unit.id);
    if (children.length > 0 || unitMatches(node.unit, query)) return { unit: node.unit, children };
    return null;
  };
  const kept = roots.map(visit).filter((node): node is UnitNode => node !== null);
  return { roots: kept, expandIds };
}

/** "Top / Middle / Unit" for a unit, from the flat list. */
export function unitPath(unitsById: ReadonlyMap<number, Unit>, id: number): string {
  const names: string[] = [];
  const seen = new Set<number>();
  let current = unitsById.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId === null ? undefined : unitsById.get(current.parentId);
  }
  return names.join(' / ');
}
