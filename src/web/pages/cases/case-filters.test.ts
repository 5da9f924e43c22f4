import { describe, expect, it } from 'vitest';
import { caseStateFromParams, caseStateToParams } from './case-filters.js';

describe('caseStateFromParams', () => {
  it('should read the tab and filters and ignore junk', () => {
    const state = caseStateFromParams(
      new URLSearchParams('kind=negative&status=published&unit=7&period=x&spread=1&mine=0&q= 审批 '),
    );
    expect(state).toEqual({ kind: 'negative', filters: { status: 'published', unitId: 7, toSpread: true, q: '审批' } });
  });

  it('should default to the exemplary tab', () => {
    expect(caseStateFromParams(new URLSearchParams('kind=bogus&status=gone'))).toEqual({
      kind: 'exemplary',
      filters: {},
    });
  });
});

describe('caseStateToParams', () => {
  it('should round-trip what is set', () => {
    const state = { kind: 'negative' as const, filters: { periodId: 3, askedOfMe: true, q: 'a b' } };
    const params = caseStateToParams(state);
    expect(params.toString()).toBe('kind=negative&period=3&mine=1&q=a+b');
    expect(caseStateFromParams(params)).toEqual(state);
  });
});
