import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMNS,
  type PrefsStorage,
  prefsKey,
  readColumns,
  readSavedFilters,
  SAVED_FILTERS_MAX,
  withSavedFilter,
} from './task-list-prefs.js';

function memoryStorage(entries: Record<string, string> = {}): PrefsStorage {
  const map = new Map(Object.entries(entries));
  return { getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

describe(readColumns.name, () => {
  it('should keep known columns in table order', () => {
    const storage = memoryStorage({ [prefsKey('columns', 7)]: '["deadline","bogus","number"]' });
    expect(readColumns(storage, 7)).toEqual(['number', 'deadline']);
  });

  it('should fall back to the defaults for another person or bad JSON', () => {
    const storage = memoryStorage({ [prefsKey('columns', 7)]: '{oops' });
    expect(readColumns(storage, 7)).toEqual(DEFAULT_COLUMNS);
    expect(readColumns(storage, 8)).toEqual(DEFAULT_COLUMNS);
    expect(readColumns(null, 8)).toEqual(DEFAULT_COLUMNS);
  });
});

describe(readSavedFilters.name, () => {
  it('should skip malformed entries', () => {
    const storage = memoryStorage({
      [prefsKey('savedFilters', 1)]: JSON.stringify([{ name: '逾期', search: 'overdue=1' }, { name: 3 }, null]),
    });
    expect(readSavedFilters(storage, 1)).toEqual([{ name: '逾期', search: 'overdue=1' }]);
  });
});

describe(withSavedFilter.name, () => {
  it('should replace a set of the same name and put it first', () => {
    const list = [
      { name: 'A', search: 'a=1' },
      { name: 'B', search: 'b=1' },
    ];
    expect(withSavedFilter(list, { name: ' B ', search: 'b=2' })).toEqual([
      { name: 'B', search: 'b=2' },
      { name: 'A', search: 'a=1' },
    ]);
  });

  it('should keep at most the limit', () => {
    const many = Array.from({ length: SAVED_FILTERS_MAX }, (_, index) => ({ name: `F${index}`, search: '' }));
    const next = withSavedFilter(many, { name: 'new', search: 'x=1' });
    expect(next).toHaveLength(SAVED_FILTERS_MAX);
    expect(next[0]?.name).toBe('new');
  });
});
