import { describe, expect, it } from 'vitest';
import {
  countActiveFilters,
  filtersFromSearch,
  filtersToSearch,
  NO_TASK_FILTERS,
  toListQuery,
} from './task-filters.js';

describe(filtersFromSearch.name, () => {
  it('should read every filter and ignore junk', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'q=营商&unitId=7&unitRole=lead&includeSubunits=1&status=assigned,bogus,closed&isKey=1&sourceId=x&deadlineTo=2026-12-31&deadlineFrom=tomorrow&overdue=1&sort=deadline',
      ),
    );
    expect(filters).toEqual({
      ...NO_TASK_FILTERS,
      q: '营商',
      unitId: 7,
      unitRole: 'lead',
      includeSubunits: true,
      status: ['assigned', 'closed'],
      isKey: true,
      deadlineTo: '2026-12-31',
      overdue: true,
      sort: 'deadline',
    });
  });

  it('should give the defaults for an empty address', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual(NO_TASK_FILTERS);
  });
});

describe(filtersToSearch.name, () => {
  it('should round-trip and leave defaults out', () => {
    const filters = { ...NO_TASK_FILTERS, unitId: 3, unitRole: 'cooperating' as const, status: ['draft' as const] };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe('unitId=3&unitRole=cooperating&status=draft');
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(filtersToSearch(NO_TASK_FILTERS).toString()).toBe('');
  });

  it('should drop the unit role when no unit is chosen', () => {
    expect(filtersToSearch({ ...NO_TASK_FILTERS, unitRole: 'lead', includeSubunits: true }).toString()).toBe('');
  });
});

describe(toListQuery.name, () => {
  it('should send only what narrows the list', () => {
    expect(toListQuery({ ...NO_TASK_FILTERS, q: '  ', overdue: true })).toEqual({
      q: undefined,
      unitId: undefined,
      unitRole: undefined,
      includeSubunits: undefined,
      status: undefined,
      isKey: undefined,
      responsiblePersonId: undefined,
      sourceId: undefined,
      deadlineFrom: undefined,
      deadlineTo: undefined,
      overdue: true,
      unacknowledged: undefined,
      sort: '-updated',
    });
  });

  it('should use the debounced search text when given', () => {
    expect(toListQuery({ ...NO_TASK_FILTERS, q: '营商环' }, ' 营商 ').q).toBe('营商');
  });
});

describe(countActiveFilters.name, () => {
  it('should count filters but not the search or the order', () => {
    expect(countActiveFilters({ ...NO_TASK_FILTERS, q: 'x', sort: 'deadline' })).toBe(0);
    expect(
      countActiveFilters({ ...NO_TASK_FILTERS, deadlineFrom: '2026-01-01', deadlineTo: '2026-02-01', isKey: true }),
    ).toBe(2);
  });
});
