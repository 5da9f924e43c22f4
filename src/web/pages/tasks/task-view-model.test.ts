import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../shared/task-api.js';
import { buildTaskTree, daysUntil, formatDay, parentIds, taskHealth, todayString } from './task-view-model.js';

function buildTask(overrides: Partial<TaskSummary> & Pick<TaskSummary, 'id'>): TaskSummary {
  return {
    number: `T-${overrides.id}`,
    parentId: null,
    depth: 0,
    title: `任务${overrides.id}`,
    kind: 'task',
    status: 'in_progress',
    isKey: false,
    priority: 'normal',
    isPublic: false,
    category: null,
    tags: [],
    sourceId: null,
    leadUnit: null,
    cooperatingUnitIds: [],
    responsibleLeader: null,
    responsiblePerson: null,
    startDate: null,
    deadline: null,
    originalDeadline: null,
    health: null,
    progress: 0,
    weight: 1,
    childCount: 0,
    overdue: false,
    unacknowledged: false,
    acknowledgementOverdue: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe(taskHealth.name, () => {
  it('should put overdue before a late acknowledgement', () => {
    expect(taskHealth(buildTask({ id: 1, overdue: true, acknowledgementOverdue: true }))).toBe('red');
    expect(taskHealth(buildTask({ id: 1, status: 'assigned', acknowledgementOverdue: true }))).toBe('amber');
    expect(taskHealth(buildTask({ id: 1 }))).toBe('green');
  });

  it('should give no colour to tasks that are not open', () => {
    expect(taskHealth(buildTask({ id: 1, status: 'closed', overdue: true }))).toBe('none');
    expect(taskHealth(buildTask({ id: 1, status: 'draft' }))).toBe('none');
  });
});

describe(buildTaskTree.name, () => {
  it('should nest children under parents and leave the root out', () => {
    const items = [
      buildTask({ id: 1 }),
      buildTask({ id: 2, parentId: 1, depth: 1 }),
      buildTask({ id: 3, parentId: 2, depth: 2 }),
      buildTask({ id: 4, parentId: 1, depth: 1 }),
    ];
    const tree = buildTaskTree(items, 1);
    expect(tree.map((node) => node.id)).toEqual([2, 4]);
    expect(tree[0]?.children?.map((node) => node.id)).toEqual([3]);
    expect(tree[1]?.children).toBeUndefined();
    expect(parentIds(tree)).toEqual([2]);
  });

  it('should keep an orphan at the top', () => {
    expect(buildTaskTree([buildTask({ id: 5, parentId: 99 })], null).map((node) => node.id)).toEqual([5]);
  });
});

describe(formatDay.name, () => {
  it('should format a calendar date in the UI language', () => {
    expect(formatDay('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDay('2026-03-05', 'zh-CN')).toBe('2026年3月5日');
    expect(formatDay(null, 'en')).toBe('—');
  });
});

describe(daysUntil.name, () => {
  it('should count whole days either way', () => {
    expect(daysUntil('2026-03-05', '2026-03-01')).toBe(4);
    expect(daysUntil('2026-02-27', '2026-03-01')).toBe(-2);
    expect(daysUntil(null)).toBeNull();
  });
});

describe(todayString.name, () => {
  it('should pad month and day', () => {
    expect(todayString(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});
