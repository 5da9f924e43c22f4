import { describe, expect, it } from 'vitest';
import { noticeFiltersFromParams, noticeFiltersToParams } from './notice-filters.js';

describe('noticeFiltersFromParams', () => {
  it('should read the filters that are set and valid', () => {
    const params = new URLSearchParams('status=responded&overdue=1&unit=7');
    expect(noticeFiltersFromParams(params)).toEqual({ status: 'responded', overdue: true, unitId: 7 });
  });

  it('should ignore unknown statuses and bad unit ids', () => {
    expect(noticeFiltersFromParams(new URLSearchParams('status=lost&overdue=yes&unit=-3'))).toEqual({});
  });

  it('should round-trip through the address', () => {
    const filters = { status: 'issued', overdue: true, unitId: 12 } as const;
    expect(noticeFiltersFromParams(noticeFiltersToParams(filters))).toEqual(filters);
  });
});
