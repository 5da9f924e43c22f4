import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams } from './review-filters.js';

describe(filtersFromParams.name, () => {
  it('should read the filters back from the address they were written to', () => {
    const filters = { kind: 'report' as const, unitId: 12, key: true, late: true, flagged: true };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(filters)))).toEqual(filters);
  });

  it('should ignore unknown kinds and bad unit ids', () => {
    expect(filtersFromParams(new URLSearchParams('kind=task&unitId=abc&late=0'))).toEqual({});
  });
});
