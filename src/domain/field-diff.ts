import { canonicalJson } from './audit-chain.js';

/** The fields that changed, old values in `before` and new ones in `after` (same keys in both). */
export interface FieldDiff {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Compares two snapshots of a record field by field, for the audit entry's before/after. Values
 * are compared by their canonical JSON (so arrays and nested objects compare by content); a field
 * absent or undefined on one side counts as null there. Unchanged fields are left out.
 *
 * @example diffFields({ name: 'A', sortOrder: 1 }, { name: 'B', sortOrder: 1 })
 *          // → { before: { name: 'A' }, after: { name: 'B' } }
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff {
  const diff: FieldDiff = { before: {}, after: {} };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const old = before[key] ?? null;
    const next = after[key] ?? null;
    if (canonicalJson(old) === canonicalJson(next)) continue;
    diff.before[key] = old;
    diff.after[key] = next;
  }
  return diff;
}

/** True when the diff holds no changed field. */
export function isEmptyDiff(diff: FieldDiff): boolean {
  return Object.keys(diff.after).length === 0;
}

/**
 * The diff of applying `changes` to `row`: only the fields named in `changes` are compared (the
 * rest of the row is left out), and bookkeeping fields (`updated_at`, `version`) never count.
 */
export function diffChanges(row: object, changes: object): FieldDiff {
  const current = row as Record<string, unknown>;
  const keys = Object.keys(changes).filter((key) => key !== 'updated_at' && key !== 'version');
  const before = Object.fromEntries(keys.map((key) => [key, current[key]]));
  const after = Object.fromEntries(keys.map((key) => [key, (changes as Record<string, unknown>)[key]]));
  return diffFields(before, after);
}
