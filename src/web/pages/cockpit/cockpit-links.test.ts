import { describe, expect, it } from 'vitest';
import { drillHref, filtersFrom, filtersToSearch } from './cockpit-links.js';

describe('drillHref', () => {
  it('should write the task page’s flags as 1 and 0 and keep the view’s filters', () => {
    const href = drillHref(
      { unitIds: [7], tag: '民生', keyOnly: true },
      { kind: 'completions', month: '2026-02', onTime: false },
    );
    const params = new URLSearchParams(href.split('?')[1]);
    expect(Object.fromEntries(params)).toEqual({
      unitId: '7',
      includeSubunits: '1',
      unitRole: 'lead',
      tag: '民生',
      isKey: '1',
      status: 'closed',
      closedFrom: '2026-02-01',
      closedTo: '2026-02-28',
      onTime: '0',
    });
  });

  it('should drill into a unit’s own tasks without its sub-units', () => {
    const href = drillHref({ unitIds: null }, { kind: 'unit', unitId: 3, own: true, light: 'red' });
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.get('includeSubunits')).toBeNull();
    expect(params.get('light')).toBe('red');
  });

  it('should name several units in charge with leadUnits', () => {
    const href = drillHref({ unitIds: [2, 6] }, { kind: 'overdue' });
    expect(href).toBe('/tasks?leadUnits=2%2C6&overdue=1');
  });
});

describe('filtersFrom', () => {
  it('should read back what filtersToSearch writes and ignore junk', () => {
    const filters = { unitId: 4, sourceId: 9, tag: '营商环境', periodId: 2, keyOnly: true };
    expect(filtersFrom(filtersToSearch(filters))).toEqual(filters);
    expect(filtersFrom(new URLSearchParams('unitId=abc&periodId=-1&keyOnly=yes'))).toEqual({
      unitId: undefined,
      sourceId: undefined,
      tag: undefined,
      periodId: undefined,
      keyOnly: undefined,
    });
  });
});
