import { describe, expect, it } from 'vitest';
import { originPath, rectificationFiltersFromParams, rectificationFiltersToParams } from './rectification-filters.js';

describe('rectificationFiltersFromParams', () => {
  it('should read every filter and ignore junk', () => {
    const params = new URLSearchParams('status=open&origin=review&unit=7&period=2&overdue=1');
    expect(rectificationFiltersFromParams(params)).toEqual({
      status: 'open',
      originType: 'review',
      unitId: 7,
      periodId: 2,
      overdue: true,
    });
    expect(rectificationFiltersFromParams(new URLSearchParams('status=closed&origin=x&unit=-1&period=a'))).toEqual({});
  });

  it('should write back only what is set', () => {
    expect(rectificationFiltersToParams({ status: 'signed_off', periodId: 3 }).toString()).toBe(
      'status=signed_off&period=3',
    );
  });
});

describe('originPath', () => {
  it('should link a review finding to its worksheet, a bulletin to the bulletin, else the origin task', () => {
    expect(originPath({ type: 'review', id: null, periodId: 4, taskId: 9 })).toBe('/assessment/4/review');
    expect(originPath({ type: 'bulletin', id: 5, periodId: null, taskId: null })).toBe('/bulletins/5');
    expect(originPath({ type: 'inspection', id: null, periodId: null, taskId: 9 })).toBe('/tasks/9');
    expect(originPath({ type: 'other', id: null, periodId: null, taskId: null })).toBeNull();
  });
});
