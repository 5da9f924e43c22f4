// Autosave for long forms (a progress report is written over an afternoon, often on a phone):
// changes are sent after a pause in typing, one save at a time, and a copy of what was typed is
// kept in the browser until the server has it, so closing the tab or a crash loses nothing.
// Framework-free, so the rules can be tested without a browser; use-autosave hooks wrap it.

/** Where an autosaving form stands, as its save bar shows it. */
export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

type Values = Record<string, unknown>;

/** True when two JSON-like values are the same (object keys in any order). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isSameValue(item, b[index]));
  }
  const left = a as Values;
  const right = b as Values;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => isSameValue(left[key], right[key]));
}

/** The fields of `current` that differ from `saved`: what the next save must send. */
export function changedFields<T extends Values>(saved: T, current: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(current) as Array<keyof T>) {
    if (!isSameValue(saved[key], current[key])) changes[key] = current[key];
  }
  return changes;
}

/** A copy of a form's input kept in the browser until the server has it. */
export interface LocalDraft<T> {
  /** When it was written (ISO). */
  savedAt: string;
  /** The server version the input was typed on. */
  baseVersion: number;
  values: T;
}

/** The storage key of an object's local copy, e.g. `luoshi.draft.report.42`. */
export function localDraftKey(scope: string, id: number): string {
  return `luoshi.draft.${scope}.${id}`;
}

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem' | 'removeItem'>;

/** The local copy under `key`, or null when there is none or it is not one (`isValues` checks the values). */
export function readLocalDraft<T>(
  storage: ReadableStorage | null,
  key: string,
  isValues: (values: unknown) => values is T,
): LocalDraft<T> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<LocalDraft<unknown>>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.baseVersion !== 'number') return null;
    return isValues(parsed.values)
      ? { savedAt: parsed.savedAt, baseVersion: parsed.baseVersion, values: parsed.values }
      : null;
  } catch {
    return null;
  }
}

/** Writes the local copy; false when the browser refuses (private mode, storage full). */
export function writeLocalDraft<T>(storage: WritableStorage | null, key: string, draft: LocalDraft<T>): boolean {
  try {
    storage?.setItem(key, JSON.stringify(draft));
    return Boolean(storage);
  } catch {
    return false;
  }
}

export function removeLocalDraft(storage: WritableStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do: the copy stays and is offered again, which is harmless
  }
}

/** True when a local copy holds input the server does not have. */
export function hasUnsavedWork<T extends Values>(local: LocalDraft<T> | null, server: T): boolean {
  return local !== null && Object.keys(changedFields(server, local.values)).length > 0;
}

export interface AutosaverOptions<T extends Values> {
  /** The pause in typing after which changes are sent. */
  delayMs: number;
  /** Sends the changed fields (with everything typed, for callers that need it). */
  save: (changes: Partial<T>, values: T) => Promise<void>;
  /** Version conflicts stop autosaving until the caller resolves them (reset). */
  isConflict: (error: unknown) => boolean;
  onStatus: (status: AutosaveStatus) => void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Saves a form's changes after a pause in typing: one save in flight at a time; what is typed
 * meanwhile goes in the next one; a conflict stops saving until `reset`; an error waits for the
 * next change or `flush`. `edit` takes the whole form each time.
 */
export class Autosaver<T extends Values> {
  private saved: T;
  private current: T;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private isBlocked = false;
  private isDisposed = false;
  private readonly options: Required<AutosaverOptions<T>>;

  constructor(initial: T, options: AutosaverOptions<T>) {
    this.saved = initial;
    this.current = initial;
    this.options = {
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** True while something typed is not yet on the server. */
  get isDirty(): boolean {
    return Object.keys(changedFields(this.saved, this.current)).length > 0;
  }

  /** True while a conflict waits for the caller. */
  get hasConflict(): boolean {
    return this.isBlocked;
  }

  /** The form changed: save after the pause (nothing to do when it is back to what is saved). */
  edit(values: T): void {
    this.current = values;
    if (this.isBlocked || this.isDisposed) return;
    this.cancelTimer();
    if (this.inFlight) return;
    if (!this.isDirty) {
      this.options.onStatus({ kind: 'idle' });
      return;
    }
    this.options.onStatus({ kind: 'pending' });
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      // The status callback has told people about a failure; nothing else waits for this save.
      this.flush().catch(() => undefined);
    }, this.options.delayMs);
  }

  /** Saves now whatever is not yet saved, and waits until the server has everything (or refused). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.isBlocked || this.isDisposed || !this.isDirty) return;
    const values = this.current;
    const changes = changedFields(this.saved, values);
    this.options.onStatus({ kind: 'saving' });
    const attempt = this.options.save(changes, values);
    this.inFlight = attempt;
    try {
      await attempt;
      this.saved = values;
    } catch (error) {
      this.inFlight = null;
      if (this.options.isConflict(error)) this.isBlocked = true;
      if (!this.isDisposed) this.options.onStatus(this.isBlocked ? { kind: 'conflict' } : { kind: 'error', error });
      throw error;
    }
    this.inFlight = null;
    if (this.isDisposed) return;
    if (this.isDirty) {
      this.edit(this.current);
      return;
    }
    this.options.onStatus({ kind: 'saved', at: this.options.now() });
  }

  /** Starts again from values the server holds (after a reload or a resolved conflict). */
  reset(saved: T, current: T = saved): void {
    this.cancelTimer();
    this.isBlocked = false;
    this.saved = saved;
    this.current = current;
    this.edit(current);
  }

  /** Stops for good (the form is closing); a pending save is dropped — call flush first to keep it. */
  dispose(): void {
    this.cancelTimer();
    this.isDisposed = true;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
  }
}
