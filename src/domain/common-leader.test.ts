import { describe, expect, it } from 'vitest';
import { commonAncestorIds, lowestCommonLeader, pathIds } from './common-leader.js';

// A three-level tree: city 1 → districts 2 and 3 → bureaux 4, 5 (under 2) and 6, 7 (under 3).
const paths = { city: '/1/', d2: '/1/2/', d3: '/1/3/', b4: '/1/2/4/', b5: '/1/2/5/', b6: '/1/3/6/', b7: '/1/3/7/' };
const charges = [
  { leaderId: 100, unitIds: [1] },
  { leaderId: 20, unitIds: [2] },
];

describe(pathIds.name, () => {
  it('should read the ids of a materialised path root first', () => {
    expect(pathIds('/1/7/42/')).toEqual([1, 7, 42]);
  });

  it('should ignore what is not an id', () => {
    expect(pathIds('')).toEqual([]);
    expect(pathIds('/x/3/')).toEqual([3]);
  });
});

describe(commonAncestorIds.name, () => {
  it('should list the shared ancestors deepest first', () => {
    expect(commonAncestorIds([paths.b4, paths.b5])).toEqual([2, 1]);
  });

  it('should count a unit as its own ancestor', () => {
    expect(commonAncestorIds([paths.d2, paths.b4])).toEqual([2, 1]);
  });

  it('should answer nothing for separate roots or no paths', () => {
    expect(commonAncestorIds(['/1/2/', '/9/'])).toEqual([]);
    expect(commonAncestorIds([])).toEqual([]);
  });

  it('should not mistake a longer id for a shared one', () => {
    expect(commonAncestorIds(['/1/2/', '/1/22/'])).toEqual([1]);
  });
});

describe(lowestCommonLeader.name, () => {
  it('should pick the leader of the deepest common unit', () => {
    expect(lowestCommonLeader([paths.b4, paths.b5], charges)).toBe(20);
  });

  it('should go up to the leader above both districts', () => {
    expect(lowestCommonLeader([paths.b4, paths.b6], charges)).toBe(100);
  });

  it('should walk up when nobody is in charge of the common unit', () => {
    expect(lowestCommonLeader([paths.b6, paths.b7], charges)).toBe(100);
  });

  it('should answer null when no common unit has a leader', () => {
    expect(lowestCommonLeader([paths.b6, paths.b7], [{ leaderId: 20, unitIds: [2] }])).toBeNull();
  });

  it('should prefer the lowest id among leaders of one unit', () => {
    expect(lowestCommonLeader([paths.b4, paths.b5], [...charges, { leaderId: 7, unitIds: [2, 3] }])).toBe(7);
  });

  it('should skip excluded leaders', () => {
    expect(lowestCommonLeader([paths.b4, paths.b5], charges, [20])).toBe(100);
  });

  it('should work for a single unit', () => {
    expect(lowestCommonLeader([paths.b5], charges)).toBe(20);
  });
});
