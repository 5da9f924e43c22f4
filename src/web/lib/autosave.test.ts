import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Autosaver,
  type AutosaveStatus,
  changedFields,
  hasUnsavedWork,
  isSameValue,
  localDraftKey,
  readLocalDraft,
  removeLocalDraft,
  writeLocalDraft,
} from './autosave.js';

interface Form extends Record<string, unknown> {
  text: string;
  percent: number | null;
  targets: Record<string, number>;
  done: string[];
}

const blank: Form = { text: '', percent: null, targets: {}, done: [] };
const isForm = (values: unknown): values is Form =>
  typeof values === 'object' && values !== null && typeof (values as Form).text === 'string';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

class Conflict extends Error {}

describe('isSameValue', () => {
  it('should compare objects whatever the order of their keys', () => {
    expect(isSameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
  });

  it('should see a difference in an array element or a missing key', () => {
    expect(isSameValue([1, 2], [2, 1])).toBe(false);
    expect(isSameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(isSameValue(null, {})).toBe(false);
  });
});

describe('changedFields', () => {
  it('should answer only the fields that changed', () => {
    const current = { ...blank, text: '已完成', targets: { t1: 3 } };
    expect(changedFields(blank, current)).toEqual({ text: '已完成', targets: { t1: 3 } });
  });

  it('should answer nothing when the form is back to what was saved', () => {
    expect(changedFields({ ...blank, done: ['m1'] }, { ...blank, done: ['m1'] })).toEqual({});
  });
});

describe('local drafts', () => {
  it('should keep a copy under a key per object and read it back', () => {
    const storage = new MemoryStorage();
    const key = localDraftKey('report', 42);
    expect(key).toBe('luoshi.draft.report.42');
    const draft = { savedAt: '2026-11-27T08:00:00.000Z', baseVersion: 3, values: { ...blank, text: '未保存' } };
    expect(writeLocalDraft(storage, key, draft)).toBe(true);
    expect(readLocalDraft(storage, key, isForm)).toEqual(draft);
    removeLocalDraft(storage, key);
    expect(readLocalDraft(storage, key, isForm)).toBeNull();
  });

  it('should ignore a copy that is not one', () => {
    const storage = new MemoryStorage();
    storage.setItem('a', '{not json');
    storage.setItem('b', JSON.stringify({ savedAt: 'x', baseVersion: 1, values: { text: 5 } }));
    expect(readLocalDraft(storage, 'a', isForm)).toBeNull();
    expect(readLocalDraft(storage, 'b', isForm)).toBeNull();
  });

  it('should answer false when the browser refuses to store', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeLocalDraft(full, 'k', { savedAt: '', baseVersion: 1, values: blank })).toBe(false);
    expect(writeLocalDraft(null, 'k', { savedAt: '', baseVersion: 1, values: blank })).toBe(false);
  });

  it('should offer a copy only when it differs from what the server has', () => {
    const local = { savedAt: '', baseVersion: 1, values: { ...blank, text: '草稿' } };
    expect(hasUnsavedWork(local, blank)).toBe(true);
    expect(hasUnsavedWork(local, { ...blank, text: '草稿' })).toBe(false);
    expect(hasUnsavedWork(null, blank)).toBe(false);
  });
});

describe('Autosaver', () => {
  let statuses: AutosaveStatus['kind'][];
  let saves: Array<Partial<Form>>;

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
    saves = [];
  });
  afterEach(() => vi.useRealTimers());

  function autosaver(save: (changes: Partial<Form>) => Promise<void> = async () => undefined) {
    return new Autosaver<Form>(blank, {
      delayMs: 1500,
      save: (changes) => {
        saves.push(changes);
        return save(changes);
      },
      isConflict: (error) => error instanceof Conflict,
      onStatus: (status) => statuses.push(status.kind),
    });
  }

  it('should save once after a pause in typing, with only the changed fields', async () => {
    const saver = autosaver();
    saver.edit({ ...blank, text: '一' });
    await vi.advanceTimersByTimeAsync(1000);
    saver.edit({ ...blank, text: '一二' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(saves).toEqual([{ text: '一二' }]);
    expect(statuses).toEqual(['pending', 'pending', 'saving', 'saved']);
    expect(saver.isDirty).toBe(false);
  });

  it('should not save when the text is back to what was saved', async () => {
    const saver = autosaver();
    saver.edit({ ...blank, text: '一' });
    saver.edit(blank);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
    expect(statuses.at(-1)).toBe('idle');
  });

  it('should keep one save in flight and send what was typed meanwhile in the next', async () => {
    let finish: () => void = () => undefined;
    const saver = autosaver(() => new Promise<void>((resolve) => (finish = resolve)));
    saver.edit({ ...blank, text: '一' });
    await vi.advanceTimersByTimeAsync(1500);
    saver.edit({ ...blank, text: '一二', percent: 40 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(1500);
    expect(saves).toEqual([{ text: '一' }, { text: '一二', percent: 40 }]);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.isDirty).toBe(false);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('should save at once on flush (before a submission)', async () => {
    const saver = autosaver();
    saver.edit({ ...blank, done: ['m1'] });
    await saver.flush();
    expect(saves).toEqual([{ done: ['m1'] }]);
  });

  it('should stop on a conflict until reset, then save the input again', async () => {
    let fail = true;
    const saver = autosaver(async () => {
      if (fail) throw new Conflict();
    });
    saver.edit({ ...blank, text: '我的' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(statuses.at(-1)).toBe('conflict');
    expect(saver.hasConflict).toBe(true);
    saver.edit({ ...blank, text: '我的内容' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);

    fail = false;
    saver.reset({ ...blank, text: '别人的' }, { ...blank, text: '我的内容' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(saves.at(-1)).toEqual({ text: '我的内容' });
    expect(statuses.at(-1)).toBe('saved');
  });

  it('should report another failure and try again on the next change', async () => {
    let fail = true;
    const saver = autosaver(async () => {
      if (fail) throw new Error('offline');
    });
    saver.edit({ ...blank, text: '一' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(statuses.at(-1)).toBe('error');
    fail = false;
    saver.edit({ ...blank, text: '一二' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(saves.at(-1)).toEqual({ text: '一二' });
    expect(statuses.at(-1)).toBe('saved');
  });

  it('should reject flush when the save fails, so a submission waits', async () => {
    const saver = autosaver(async () => {
      throw new Error('offline');
    });
    saver.edit({ ...blank, text: '一' });
    await expect(saver.flush()).rejects.toThrow('offline');
  });

  it('should drop a pending save when disposed', async () => {
    const saver = autosaver();
    saver.edit({ ...blank, text: '一' });
    saver.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
  });
});
