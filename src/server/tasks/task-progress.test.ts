import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { caller, currentTask, makeTask, taskDeps, taskSnapshot } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { setTaskProgress } from './task-progress.service.js';
import { deleteTask, moveTask, updateTask } from './tasks.service.js';

// Progress roll-up: leaves carry progress, every parent is the weighted mean of its children,
// kept right by every change to the tree (create, move, delete, weight change, progress).

let t: TestApp;
let sup: ReturnType<typeof caller>;
let unitId: number;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await t.makeUnit('市水务局')).id;
  await t.makeUser('progress.sup', ['supervisor']);
  sup = caller(t, await t.login('progress.sup'));
});
afterAll(() => t.close());

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Recomputes from scratch what the stored tree under `rootId` should hold — child counts, paths,
 * depths and every parent's progress from the leaves up — and compares it with the stored rows.
 */
async function expectTreeConsistent(rootId: number): Promise<void> {
  const root = await currentTask(t.db, rootId);
  const rows = await t.db.selectFrom('tasks').selectAll().where('path', 'like', `${root.path}%`).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const children = new Map<number, typeof rows>();
  for (const row of rows) {
    if (row.parent_id !== null) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  }
  const expected = (id: number): number => {
    const kids = children.get(id) ?? [];
    if (kids.length === 0) return byId.get(id)?.progress ?? Number.NaN;
    const weights = kids.reduce((sum, kid) => sum + kid.weight, 0);
    return round2(kids.reduce((sum, kid) => sum + expected(kid.id) * kid.weight, 0) / weights);
  };
  for (const row of rows) {
    const kids = children.get(row.id) ?? [];
    expect(row.child_count, `child count of ${row.id}`).toBe(kids.length);
    expect(row.progress, `progress of ${row.id}`).toBeCloseTo(expected(row.id), 1);
    if (row.id === rootId) continue;
    const parent = byId.get(row.parent_id ?? 0);
    expect(row.path, `path of ${row.id}`).toBe(`${parent?.path}${row.id}/`);
    expect(row.depth, `depth of ${row.id}`).toBe((parent?.depth ?? 0) + 1);
  }
}

async function setProgress(taskId: number, progress: number) {
  const { version } = await currentTask(t.db, taskId);
  const res = await sup('PUT', `/tasks/${taskId}/progress`, { version, progress });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('progress roll-up', () => {
  it('should make every parent the weighted mean of its children across three levels', async () => {
    const root = await makeTask(t, { title: '三级汇总', leadUnitId: unitId });
    const a = await makeTask(t, { title: '甲', parentId: root.id, weight: 1 });
    const b = await makeTask(t, { title: '乙', parentId: root.id, weight: 3 });
    const a1 = await makeTask(t, { title: '甲一', parentId: a.id, weight: 1 });
    const a2 = await makeTask(t, { title: '甲二', parentId: a.id, weight: 2 });
    await setProgress(a1.id, 30);
    await setProgress(a2.id, 60);
    await setProgress(b.id, 10);
    // 甲 = (30·1 + 60·2) / 3 = 50; root = (50·1 + 10·3) / 4 = 20
    expect((await currentTask(t.db, a.id)).progress).toBe(50);
    expect((await sup('GET', `/tasks/${root.id}`)).json()).toMatchObject({ progress: 20, childCount: 2 });
    const reweighted = await sup('PATCH', `/tasks/${b.id}`, {
      version: (await currentTask(t.db, b.id)).version,
      weight: 1,
    });
    expect(reweighted.statusCode).toBe(200);
    // root = (50 + 10) / 2 = 30
    expect((await currentTask(t.db, root.id)).progress).toBe(30);
    await expectTreeConsistent(root.id);
  });

  it('should recompute both the old and the new parent, and their ancestors, when a task moves', async () => {
    const root = await makeTask(t, { title: '移动汇总' });
    const from = await makeTask(t, { title: '原处', parentId: root.id });
    const to = await makeTask(t, { title: '去处', parentId: root.id });
    const stay = await makeTask(t, { title: '留下', parentId: from.id });
    const mover = await makeTask(t, { title: '搬走', parentId: from.id });
    const other = await makeTask(t, { title: '原有', parentId: to.id });
    await setProgress(stay.id, 20);
    await setProgress(mover.id, 100);
    await setProgress(other.id, 40);
    expect((await currentTask(t.db, from.id)).progress).toBe(60);
    expect((await currentTask(t.db, root.id)).progress).toBe(50);
    const res = await sup('POST', `/tasks/${mover.id}/move`, {
      version: (await currentTask(t.db, mover.id)).version,
      parentId: to.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await currentTask(t.db, from.id)).toMatchObject({ progress: 20, child_count: 1 });
    expect(await currentTask(t.db, to.id)).toMatchObject({ progress: 70, child_count: 2 });
    expect(await currentTask(t.db, root.id)).toMatchObject({ progress: 45, child_count: 2 });
    await expectTreeConsistent(root.id);
  });

  it('should keep the parent right when many subtasks report progress at the same time', async () => {
    const root = await makeTask(t, { title: '并发汇总', leadUnitId: unitId });
    const middle = await makeTask(t, { title: '并发中间层', parentId: root.id });
    const leaves = [];
    for (let i = 0; i < 12; i++) leaves.push(await makeTask(t, { title: `并发叶${i}`, parentId: middle.id }));
    const responses = await Promise.all(
      leaves.map((leaf, i) =>
        sup('PUT', `/tasks/${leaf.id}/progress`, { version: leaf.version, progress: (i + 1) * 5 }),
      ),
    );
    expect(responses.map((res) => res.statusCode)).toEqual(leaves.map(() => 200));
    // (5 + 10 + … + 60) / 12 = 32.5
    expect((await currentTask(t.db, middle.id)).progress).toBe(32.5);
    expect((await currentTask(t.db, root.id)).progress).toBe(32.5);
    await expectTreeConsistent(root.id);
  });

  it('should round the mean to two decimals', async () => {
    const root = await makeTask(t, { title: '三分之一' });
    const leaves = [await makeTask(t, { parentId: root.id }), await makeTask(t, { parentId: root.id })];
    await makeTask(t, { parentId: root.id });
    await setProgress(leaves[0]?.id ?? 0, 100);
    expect((await currentTask(t.db, root.id)).progress).toBe(33.33);
  });

  it('should refuse setting the progress of a task with subtasks with 409 task_not_leaf, changing nothing', async () => {
    const parent = await makeTask(t, { title: '有子任务' });
    await makeTask(t, { parentId: parent.id });
    const before = await taskSnapshot(t.db);
    const res = await sup('PUT', `/tasks/${parent.id}/progress`, { version: parent.version, progress: 50 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('task_not_leaf');
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should refuse a stale version and progress out of 0–100, changing nothing', async () => {
    const task = await makeTask(t, { title: '进度版本' });
    const before = await taskSnapshot(t.db);
    const stale = await sup('PUT', `/tasks/${task.id}/progress`, { version: task.version + 1, progress: 50 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id: task.id, progress: 0 } });
    for (const progress of [-1, 100.5, 101]) {
      const res = await sup('PUT', `/tasks/${task.id}/progress`, { version: task.version, progress });
      expect(res.statusCode, String(progress)).toBe(400);
      expect(res.json().field).toBe('progress');
    }
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should record each progress report in the history and the audit trail', async () => {
    const task = await makeTask(t, { title: '进度记录' });
    const detail = await setProgress(task.id, 45.5);
    expect(detail).toMatchObject({ progress: 45.5, version: task.version + 1 });
    expect(detail.history[0]).toMatchObject({ action: 'progress' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_id', '=', String(task.id))
      .where('action', '=', 'task.progress')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}').progress).toEqual([0, 45.5]);
  });
});

type Op =
  | { kind: 'create'; parent: number; weight: number }
  | { kind: 'move'; task: number; target: number }
  | { kind: 'delete'; task: number }
  | { kind: 'progress'; task: number; value: number }
  | { kind: 'weight'; task: number; weight: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), parent: fc.nat(), weight: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('move' as const), task: fc.nat(), target: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), task: fc.nat() }),
  fc.record({ kind: fc.constant('progress' as const), task: fc.nat(), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('weight' as const), task: fc.nat(), weight: fc.integer({ min: 1, max: 5 }) }),
);

/** Applies one random operation inside the tree under `rootId` through the services. */
async function apply(rootId: number, op: Op): Promise<void> {
  const deps = taskDeps(t);
  const root = await currentTask(t.db, rootId);
  const nodes = await t.db
    .selectFrom('tasks')
    .selectAll()
    .where('path', 'like', `${root.path}%`)
    .orderBy('id')
    .execute();
  const below = nodes.filter((node) => node.id !== rootId);
  const pick = <T>(items: T[], index: number): T | undefined => items[index % Math.max(items.length, 1)];
  if (op.kind === 'create') {
    const parent = pick(nodes, op.parent);
    await makeTask(t, { title: '随机', parentId: parent?.id ?? rootId, weight: op.weight });
    return;
  }
  if (op.kind === 'progress') {
    const task = pick(nodes, op.task);
    if (!task) return;
    const work = setTaskProgress(deps, { taskId: task.id, version: task.version, progress: op.value, actor });
    if (task.child_count > 0) await expect(work).rejects.toMatchObject({ code: 'task_not_leaf' });
    else await work;
    return;
  }
  const task = pick(below, op.task);
  if (!task) return;
  if (op.kind === 'delete') {
    await deleteTask(deps, { taskId: task.id, version: task.version, actor });
  } else if (op.kind === 'weight') {
    await updateTask(deps, { taskId: task.id, version: task.version, weight: op.weight, actor });
  } else {
    const target = pick(nodes, op.target);
    if (!target) return;
    const work = moveTask(deps, { taskId: task.id, version: task.version, parentId: target.id, actor });
    if (target.path.startsWith(task.path)) await expect(work).rejects.toMatchObject({ code: 'task_move_cycle' });
    else await work;
  }
}

describe('progress roll-up under random changes', () => {
  it('should equal a from-scratch recomputation after any sequence of creates, moves, deletes, weights and progress', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 25 }), async (ops) => {
        const root = await makeTask(t, { title: `随机树${run++}` });
        // Two branches to start with, so moves and deletes often cross between subtrees.
        const a = await makeTask(t, { parentId: root.id });
        const b = await makeTask(t, { parentId: root.id, weight: 2 });
        for (const parentId of [a.id, a.id, b.id]) await makeTask(t, { parentId });
        for (const op of ops) {
          await apply(root.id, op);
          await expectTreeConsistent(root.id);
        }
      }),
      { numRuns: 8 },
    );
  });
});
