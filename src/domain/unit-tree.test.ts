import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMoveIntoOwnSubtree, normaliseAliases } from './unit-tree.js';

describe(isMoveIntoOwnSubtree.name, () => {
  it('should refuse moving a unit under itself', () => {
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/7/')).toBe(true);
  });

  it('should refuse moving a unit under a descendant at any depth', () => {
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/7/42/')).toBe(true);
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/7/42/99/')).toBe(true);
  });

  it('should allow moving to the top level', () => {
    expect(isMoveIntoOwnSubtree('/1/7/', null)).toBe(false);
  });

  it('should allow moving under a sibling, a parent or another tree', () => {
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/8/')).toBe(false);
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/')).toBe(false);
    expect(isMoveIntoOwnSubtree('/1/7/', '/2/')).toBe(false);
  });

  it('should not mistake a unit whose id starts with the same digits for a descendant', () => {
    expect(isMoveIntoOwnSubtree('/1/7/', '/1/70/')).toBe(false);
    expect(isMoveIntoOwnSubtree('/1/', '/12/3/')).toBe(false);
  });
});

describe(normaliseAliases.name, () => {
  it('should trim aliases and drop blanks, duplicates and the name itself, keeping order', () => {
    expect(normaliseAliases([' 市政府 ', '', '市政府', '   ', '市人民政府', '政府办'], '市人民政府')).toEqual([
      '市政府',
      '政府办',
    ]);
  });

  it('should compare with the trimmed name', () => {
    expect(normaliseAliases(['发改委'], '  发改委  ')).toEqual([]);
  });

  it('should never return a blank, a duplicate, an untrimmed alias or the name', () => {
    const word = fc.constantFrom('市政府', '发改委', ' 发改委', '办公室 ', '', '  ', 'A', 'a');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 12 }), word, (aliases, name) => {
        const result = normaliseAliases(aliases, name);
        expect(new Set(result).size).toBe(result.length);
        expect(result).not.toContain(name.trim());
        for (const alias of result) {
          expect(alias).toBe(alias.trim());
          expect(alias.length).toBeGreaterThan(0);
          expect(aliases.map((a) => a.trim())).toContain(alias);
        }
      }),
    );
  });
});
