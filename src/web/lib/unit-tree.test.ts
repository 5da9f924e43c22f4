import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/types.js';
import { buildUnitTree, descendantIds, filterUnitTree, unitMatches, unitPath } from './unit-tree.js';

function buildUnit(overrides: Partial<Unit> & Pick<Unit, 'id' | 'name'>): Unit {
  return {
    parentId: null,
    shortName: null,
    aliases: [],
    sortOrder: 0,
    archived: false,
    depth: 0,
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const units = [
  buildUnit({ id: 1, name: '市人民政府' }),
  buildUnit({ id: 2, name: '市发展和改革委员会', shortName: '市发改委', parentId: 1, depth: 1 }),
  buildUnit({ id: 3, name: '价格监测科', parentId: 2, depth: 2, aliases: ['物价科'] }),
  buildUnit({ id: 4, name: '市财政局', parentId: 1, depth: 1 }),
  buildUnit({ id: 5, name: '区政府' }),
];

describe(buildUnitTree.name, () => {
  it('should nest units under their parents in list order', () => {
    const roots = buildUnitTree(units);
    expect(roots.map((node) => node.unit.id)).toEqual([1, 5]);
    expect(roots[0]?.children.map((node) => node.unit.id)).toEqual([2, 4]);
    expect(roots[0]?.children[0]?.children.map((node) => node.unit.id)).toEqual([3]);
  });

  it('should keep a unit whose parent is not in the list at the top', () => {
    const roots = buildUnitTree(units.filter((unit) => unit.id !== 2));
    expect(roots.map((node) => node.unit.id)).toEqual([1, 3, 5]);
  });
});

describe(descendantIds.name, () => {
  it('should return every unit below, not the unit itself', () => {
    expect([...descendantIds(units, 1)].sort()).toEqual([2, 3, 4]);
    expect(descendantIds(units, 3).size).toBe(0);
  });
});

describe(unitMatches.name, () => {
  it('should match name, short name and aliases, ignoring case and spaces', () => {
    expect(unitMatches(units[1] as Unit, '发改委')).toBe(true);
    expect(unitMatches(units[2] as Unit, ' 物价 ')).toBe(true);
    expect(unitMatches(units[3] as Unit, '发改')).toBe(false);
    expect(unitMatches(buildUnit({ id: 9, name: 'Finance Bureau' }), 'finance')).toBe(true);
  });
});

describe(filterUnitTree.name, () => {
  it('should keep matches with their ancestors and expand the path to them', () => {
    const { roots, expandIds } = filterUnitTree(buildUnitTree(units), '物价');
    expect(roots.map((node) => node.unit.id)).toEqual([1]);
    expect(roots[0]?.children.map((node) => node.unit.id)).toEqual([2]);
    expect(expandIds.sort()).toEqual([1, 2]);
  });

  it('should return nothing when no unit matches', () => {
    expect(filterUnitTree(buildUnitTree(units), '教育局').roots).toEqual([]);
  });
});

describe(unitPath.name, () => {
  it('should join the names from the top down', () => {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    expect(unitPath(byId, 3)).toBe('市人民政府 / 市发展和改革委员会 / 价格监测科');
  });
});
