import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../shared/plans-api.js';
import { diffById, diffPlans } from './plan-diff.js';

const BASE: PlanContent = {
  targets: [
    { id: 't1', name: '新建保障房', measureUnit: '套', baseline: 0, targetValue: 1200, dueDate: '2026-12-31' },
    { id: 't2', name: '改造老旧小区', measureUnit: '个', baseline: 3, targetValue: 20, dueDate: null },
  ],
  steps: [
    { id: 's1', text: '摸底调查', ownerUnitId: 1, startDate: '2026-03-01', endDate: '2026-04-30' },
    { id: 's2', text: '组织施工', ownerUnitId: 2, startDate: null, endDate: null },
  ],
  milestones: [{ id: 'm1', date: '2026-06-30', deliverable: '完成选址', evidenceRequired: true }],
  expectedProgress: [
    { quarter: '2026-Q2', percent: 30 },
    { quarter: '2026-Q3', percent: 60 },
  ],
  progressBasis: 'reports',
};

/** BASE with some lists replaced. */
function plan(changes: Partial<PlanContent>): PlanContent {
  return { ...BASE, ...changes };
}

const [t1, t2] = BASE.targets as [PlanContent['targets'][0], PlanContent['targets'][0]];
const [s1, s2] = BASE.steps as [PlanContent['steps'][0], PlanContent['steps'][0]];
const m1 = BASE.milestones[0] as PlanContent['milestones'][0];

describe(diffPlans.name, () => {
  it('should find nothing between a plan and itself, or the same items in another order', () => {
    expect(diffPlans(BASE, BASE).unchanged).toBe(true);
    const reordered = plan({
      targets: [t2, t1],
      steps: [s2, s1],
      expectedProgress: [...BASE.expectedProgress].reverse(),
    });
    const diff = diffPlans(BASE, reordered);
    expect(diff.unchanged).toBe(true);
    expect(diff.targets).toEqual({ added: [], removed: [], changed: [] });
  });

  it.each([
    [
      'a changed target value and due date',
      plan({ targets: [{ ...t1, targetValue: 1500, dueDate: '2026-11-30' }, t2] }),
      'targets',
      {
        added: [],
        removed: [],
        changed: [
          {
            id: 't1',
            changes: [
              { field: 'targetValue', old: 1200, new: 1500 },
              { field: 'dueDate', old: '2026-12-31', new: '2026-11-30' },
            ],
          },
        ],
      },
    ],
    [
      'a target added and one removed',
      plan({ targets: [t1, { ...t2, id: 't3', name: '加装电梯' }] }),
      'targets',
      { added: [{ ...t2, id: 't3', name: '加装电梯' }], removed: [t2], changed: [] },
    ],
    [
      'a step handed to another unit, a date set where there was none',
      plan({ steps: [s1, { ...s2, ownerUnitId: 3, endDate: '2026-10-31' }] }),
      'steps',
      {
        added: [],
        removed: [],
        changed: [
          {
            id: 's2',
            changes: [
              { field: 'ownerUnitId', old: 2, new: 3 },
              { field: 'endDate', old: null, new: '2026-10-31' },
            ],
          },
        ],
      },
    ],
    [
      'a milestone no longer requiring evidence',
      plan({ milestones: [{ ...m1, evidenceRequired: false }] }),
      'milestones',
      {
        added: [],
        removed: [],
        changed: [{ id: 'm1', changes: [{ field: 'evidenceRequired', old: true, new: false }] }],
      },
    ],
    ['every milestone removed', plan({ milestones: [] }), 'milestones', { added: [], removed: [m1], changed: [] }],
    [
      'expected progress raised in one quarter, a quarter added and one dropped',
      plan({
        expectedProgress: [
          { quarter: '2026-Q3', percent: 70 },
          { quarter: '2026-Q4', percent: 100 },
        ],
      }),
      'expectedProgress',
      {
        added: [{ quarter: '2026-Q4', percent: 100 }],
        removed: [{ quarter: '2026-Q2', percent: 30 }],
        changed: [{ quarter: '2026-Q3', old: 60, new: 70 }],
      },
    ],
  ] as const)('should report %s', (_label, after, list, expected) => {
    const diff = diffPlans(BASE, after);
    expect(diff[list]).toEqual(expected);
    expect(diff.unchanged).toBe(false);
    for (const other of ['targets', 'steps', 'milestones', 'expectedProgress'] as const) {
      if (other !== list) expect(diff[other]).toEqual({ added: [], removed: [], changed: [] });
    }
    expect(diff.progressBasis).toBeNull();
  });

  it('should report a change of progress basis', () => {
    const diff = diffPlans(BASE, plan({ progressBasis: 'milestones' }));
    expect(diff.progressBasis).toEqual({ old: 'reports', new: 'milestones' });
    expect(diff.unchanged).toBe(false);
  });

  it('should read the older version first: swapping the arguments swaps added and removed', () => {
    const after = plan({ targets: [t1] });
    expect(diffPlans(BASE, after).targets.removed).toEqual([t2]);
    expect(diffPlans(after, BASE).targets.added).toEqual([t2]);
  });
});

describe(diffById.name, () => {
  it('should treat a missing optional field like null', () => {
    const before = [{ id: 'a', note: null as string | null }];
    const after = [{ id: 'a' } as { id: string; note?: string | null }];
    expect(diffById(before, after).changed).toEqual([]);
  });
});
