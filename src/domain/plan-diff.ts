import type {
  ExpectedProgress,
  PlanContent,
  PlanMilestone,
  PlanStep,
  PlanTarget,
  ProgressBasis,
} from '../shared/plans-api.js';

/** One field of an item whose value differs between the two versions. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Items of one list, matched by id: new ones, dropped ones, and those whose fields changed. */
export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: Array<{ id: string; changes: FieldChange[] }>;
}

/** What changed from one plan version's content to another's, item by item. */
export interface PlanDiff {
  targets: ListDiff<PlanTarget>;
  steps: ListDiff<PlanStep>;
  milestones: ListDiff<PlanMilestone>;
  /** Expected progress matched by quarter. */
  expectedProgress: {
    added: ExpectedProgress[];
    removed: ExpectedProgress[];
    changed: Array<{ quarter: string; old: number; new: number }>;
  };
  progressBasis: { old: ProgressBasis; new: ProgressBasis } | null;
  /** True when nothing at all differs (item order aside). */
  unchanged: boolean;
}

/** Field changes between two versions of the same item, in the item's own field order. */
function fieldChanges<T extends { id: string }>(before: T, after: T): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'id');
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = (before as Record<string, unknown>)[field] ?? null;
    const value = (after as Record<string, unknown>)[field] ?? null;
    if (old !== value) changes.push({ field, old, new: value });
  }
  return changes;
}

/** Diffs two lists of items by id; order within a list does not count as a change. */
export function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListDiff<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const changed: ListDiff<T>['changed'] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) continue;
    const changes = fieldChanges(previous, item);
    if (changes.length > 0) changed.push({ id: item.id, changes });
  }
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !next.has(item.id)),
    changed,
  };
}

function diffProgress(before: readonly ExpectedProgress[], after: readonly ExpectedProgress[]) {
  const old = new Map(before.map((entry) => [entry.quarter, entry.percent]));
  const next = new Map(after.map((entry) => [entry.quarter, entry.percent]));
  const changed: PlanDiff['expectedProgress']['changed'] = [];
  for (const entry of after) {
    const previous = old.get(entry.quarter);
    if (previous !== undefined && previous !== entry.percent)
      changed.push({ quarter: entry.quarter, old: previous, new: entry.percent });
  }
  return {
    added: after.filter((entry) => !old.has(entry.quarter)),
    removed: before.filter((entry) => !next.has(entry.quarter)),
    changed,
  };
}

function isEmpty(diff: { added: unknown[]; removed: unknown[]; changed: unknown[] }): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/**
 * The structured difference from `before` to `after` (an older and a newer plan version): targets,
 * steps and milestones by their kept ids, expected progress by quarter, and the progress basis.
 */
export function diffPlans(before: PlanContent, after: PlanContent): PlanDiff {
  const targets = diffById(before.targets, after.targets);
  const steps = diffById(before.steps, after.steps);
  const milestones = diffById(before.milestones, after.milestones);
  const expectedProgress = diffProgress(before.expectedProgress, after.expectedProgress);
  const progressBasis =
    before.progressBasis === after.progressBasis ? null : { old: before.progressBasis, new: after.progressBasis };
  const unchanged = [targets, steps, milestones, expectedProgress].every(isEmpty) && progressBasis === null;
  return { targets, steps, milestones, expectedProgress, progressBasis, unchanged };
}
