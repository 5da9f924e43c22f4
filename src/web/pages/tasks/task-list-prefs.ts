import { useCallback, useState } from 'react';

/** The columns a person can show or hide in the task table; the title is always shown. */
export const TASK_COLUMNS = [
  'number',
  'status',
  'health',
  'leadUnit',
  'responsiblePerson',
  'responsibleLeader',
  'deadline',
  'progress',
  'priority',
  'category',
  'updatedAt',
] as const;
export type TaskColumn = (typeof TASK_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly TaskColumn[] = [
  'number',
  'status',
  'leadUnit',
  'responsiblePerson',
  'deadline',
  'progress',
];

/** A named filter set, kept as the address's query string (see filtersToSearch). */
export interface SavedFilter {
  name: string;
  search: string;
}

export const SAVED_FILTERS_MAX = 20;

/** The storage the preferences live in; tests pass a stand-in. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): PrefsStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Preferences are per person on a shared computer: `luoshi.tasks.<what>.<userId>`. */
export function prefsKey(what: 'columns' | 'savedFilters' | 'view', userId: number): string {
  return `luoshi.tasks.${what}.${userId}`;
}

function readJson(storage: PrefsStorage | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function writeJson(storage: PrefsStorage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or storage full: the choice still holds for this visit
  }
}

/** The saved column choice, or the defaults when nothing (valid) was saved. */
export function readColumns(storage: PrefsStorage | null, userId: number): TaskColumn[] {
  const value = readJson(storage, prefsKey('columns', userId));
  if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
  return TASK_COLUMNS.filter((column) => value.includes(column));
}

/** The saved filter sets; malformed entries are skipped. */
export function readSavedFilters(storage: PrefsStorage | null, userId: number): SavedFilter[] {
  const value = readJson(storage, prefsKey('savedFilters', userId));
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (entry): entry is SavedFilter =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as SavedFilter).name === 'string' &&
        typeof (entry as SavedFilter).search === 'string',
    )
    .slice(0, SAVED_FILTERS_MAX);
}

/** Adds a filter set, replacing one of the same name, newest first, at most SAVED_FILTERS_MAX. */
export function withSavedFilter(list: readonly SavedFilter[], entry: SavedFilter): SavedFilter[] {
  const name = entry.name.trim();
  return [{ name, search: entry.search }, ...list.filter((item) => item.name !== name)].slice(0, SAVED_FILTERS_MAX);
}

/** A value remembered in this browser for this person, as React state. */
function useStoredState<T>(read: (storage: PrefsStorage | null) => T, key: string): [T, (next: T) => void] {
  const [value, setValue] = useState(() => read(browserStorage()));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      writeJson(browserStorage(), key, next);
    },
    [key],
  );
  return [value, set];
}

export function useTaskColumns(userId: number) {
  return useStoredState((storage) => readColumns(storage, userId), prefsKey('columns', userId));
}

export function useSavedFilters(userId: number) {
  return useStoredState((storage) => readSavedFilters(storage, userId), prefsKey('savedFilters', userId));
}

/** Flat list or tree, remembered. */
export type TaskListView = 'flat' | 'tree';

export function useTaskListView(userId: number) {
  return useStoredState<TaskListView>(
    (storage) => (readJson(storage, prefsKey('view', userId)) === 'tree' ? 'tree' : 'flat'),
    prefsKey('view', userId),
  );
}
