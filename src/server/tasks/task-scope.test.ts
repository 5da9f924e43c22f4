import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import {
  actorOf,
  advance,
  caller,
  currentTask,
  idsOf,
  type Method,
  makeSource,
  makeTask,
  taskSnapshot,
} from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Who sees and may touch what (issue 3 "Who sees what"), route × role × relation. A city with
// units A (lead), B (cooperating), C (unrelated) and A1 (under A); a task T led by A with B
// cooperating, its subtasks S1 (led by A1 alone) and S2 (inheriting A and B), and two tasks of C:
// U (overdue) and V (closure requested). Out of scope is always 404 and never changes anything.

type Who =
  | 'sup'
  | 'aud'
  | 'admin'
  | 'leaderA'
  | 'leaderC'
  | 'headA'
  | 'staffA'
  | 'headB'
  | 'staffB'
  | 'headC'
  | 'staffC'
  | 'headA1'
  | 'staffA1';
type Key = 'T' | 'S1' | 'S2' | 'U' | 'V';
type UnitKey = 'A' | 'B' | 'C' | 'A1';

const ALL: Key[] = ['T', 'S1', 'S2', 'U', 'V'];
const WHO: Who[] = [
  'sup',
  'aud',
  'admin',
  'leaderA',
  'leaderC',
  'headA',
  'staffA',
  'headB',
  'staffB',
  'headC',
  'staffC',
  'headA1',
  'staffA1',
];

/**
 * The tasks each person may see: the whole oracle of this file. S2 stays a draft, which only the
 * supervision office (and auditors, admins) see until it is assigned.
 */
const SEES: Record<Who, Key[]> = {
  sup: ALL,
  aud: ALL,
  admin: ALL,
  leaderA: ['T', 'S1'],
  leaderC: ['U', 'V'],
  headA: ['T'],
  staffA: ['T'],
  headB: ['T'],
  staffB: ['T'],
  headC: ['U', 'V'],
  staffC: ['U', 'V'],
  headA1: ['S1'],
  staffA1: ['S1'],
};

let t: TestApp;
const unit = {} as Record<UnitKey, number>;
const user = {} as Record<Who, number>;
const cookie = {} as Record<Who, string>;
const task = {} as Record<Key, number>;
let sourceId: number;

function call(who: Who, method: Method, url: string, payload?: object) {
  return caller(t, cookie[who])(method, url, payload);
}
const sees = (who: Who, key: Key) => SEES[who].includes(key);
const keysOf = (ids: number[]) => ids.map((id) => (Object.keys(task) as Key[]).find((k) => task[k] === id) ?? id);
const sorted = <T>(items: T[]) => [...items].sort();

beforeAll(async () => {
  t = await createTestApp();
  const city = await t.makeUnit('市人民政府');
  unit.A = (await t.makeUnit('市住房和城乡建设局', city.id)).id;
  unit.B = (await t.makeUnit('市财政局', city.id)).id;
  unit.C = (await t.makeUnit('市教育局', city.id)).id;
  unit.A1 = (await t.makeUnit('城市建设科', unit.A)).id;
  const people: Array<[Who, Role[], { unitId?: number; unitsInChargeIds?: number[] }]> = [
    ['sup', ['supervisor'], {}],
    ['aud', ['auditor'], {}],
    ['leaderA', ['leader'], { unitsInChargeIds: [unit.A] }],
    ['leaderC', ['leader'], { unitsInChargeIds: [unit.C] }],
    ['headA', ['unit_head'], { unitId: unit.A }],
    ['staffA', ['unit_staff'], { unitId: unit.A }],
    ['headB', ['unit_head'], { unitId: unit.B }],
    ['staffB', ['unit_staff'], { unitId: unit.B }],
    ['headC', ['unit_head'], { unitId: unit.C }],
    ['staffC', ['unit_staff'], { unitId: unit.C }],
    ['headA1', ['unit_head'], { unitId: unit.A1 }],
    ['staffA1', ['unit_staff'], { unitId: unit.A1 }],
  ];
  for (const [who, roles, extra] of people) {
    user[who] = await t.makeUser(`scope.${who}`, roles, extra);
    cookie[who] = await t.login(`scope.${who}`);
  }
  cookie.admin = await t.login('admin');
  user.admin = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
  ).id;

  sourceId = (await makeSource(t, { title: '2026年市政府工作报告', docNumber: '市政办〔2026〕12号' })).id;
  task.T = (
    await makeTask(t, {
      title: '推进老旧小区改造工程',
      description: '全年完成改造任务三百个小区',
      isKey: true,
      sourceId,
      leadUnitId: unit.A,
      cooperatingUnits: [{ unitId: unit.B, part: '保障改造资金' }],
      responsibleLeaderId: user.leaderA,
      responsiblePersonId: user.headA,
      deadline: '2026-12-31',
    })
  ).id;
  task.S1 = (
    await makeTask(t, { parentId: task.T, title: '老旧小区排水管网改造', leadUnitId: unit.A1, cooperatingUnits: [] })
  ).id;
  task.S2 = (await makeTask(t, { parentId: task.T, title: '老旧小区加装电梯' })).id;
  task.U = (await makeTask(t, { title: '乡村学校校舍改造', leadUnitId: unit.C, deadline: '2025-01-10' })).id;
  task.V = (await makeTask(t, { title: '乡村学校改造验收', leadUnitId: unit.C })).id;
  for (const key of ['T', 'S1', 'U', 'V'] as const) await advance(t, task[key], ['assign']);
  const staffC = await actorOf(t, user.staffC);
  await advance(t, task.V, [
    ['acknowledge', staffC],
    ['request_closure', staffC],
  ]);
});
afterAll(() => t.close());

describe('GET /tasks/:id', () => {
  it('should show each task to exactly the people in its scope and answer 404 to everyone else', async () => {
    for (const who of WHO) {
      for (const key of ALL) {
        const res = await call(who, 'GET', `/tasks/${task[key]}`);
        expect(res.statusCode, `${who} GET ${key}`).toBe(sees(who, key) ? 200 : 404);
      }
    }
  });

  it('should answer an out-of-scope task exactly as a task that does not exist', async () => {
    const hidden = (await call('staffC', 'GET', `/tasks/${task.T}`)).json();
    const missing = (await call('staffC', 'GET', '/tasks/999999')).json();
    const { requestId: _a, ...hiddenBody } = hidden;
    const { requestId: _b, ...missingBody } = missing;
    expect(hiddenBody).toEqual(missingBody);
    expect(hiddenBody.code).toBe('not_found');
  });

  it('should tell each relation what it may do with the task', async () => {
    const expected: Partial<
      Record<Who, { allowedActions: string[]; canEdit: boolean; editablePartUnitId: number | null }>
    > = {
      sup: { allowedActions: ['suspend', 'cancel'], canEdit: true, editablePartUnitId: null },
      admin: { allowedActions: ['suspend', 'cancel'], canEdit: true, editablePartUnitId: null },
      aud: { allowedActions: [], canEdit: false, editablePartUnitId: null },
      leaderA: { allowedActions: [], canEdit: false, editablePartUnitId: null },
      staffA: { allowedActions: ['acknowledge'], canEdit: false, editablePartUnitId: null },
      headB: { allowedActions: ['acknowledge'], canEdit: false, editablePartUnitId: unit.B },
    };
    for (const [who, view] of Object.entries(expected) as Array<[Who, object]>) {
      expect((await call(who, 'GET', `/tasks/${task.T}`)).json(), who).toMatchObject(view);
    }
  });
});

/** Filters with the tasks they match, whoever asks; each caller gets those within their scope. */
const FILTERS: Array<[label: string, query: () => Record<string, string | number>, matches: Key[]]> = [
  ['no filter', () => ({}), ALL],
  ['unit A (lead or cooperating)', () => ({ unitId: unit.A }), ['T', 'S2']],
  ['unit A with sub-units', () => ({ unitId: unit.A, includeSubunits: 'true' }), ['T', 'S1', 'S2']],
  ['unit A as lead', () => ({ unitId: unit.A, unitRole: 'lead' }), ['T', 'S2']],
  [
    'unit A as lead with sub-units',
    () => ({ unitId: unit.A, unitRole: 'lead', includeSubunits: 'true' }),
    ['T', 'S1', 'S2'],
  ],
  ['unit B cooperating', () => ({ unitId: unit.B, unitRole: 'cooperating' }), ['T', 'S2']],
  ['unit B as lead', () => ({ unitId: unit.B, unitRole: 'lead' }), []],
  ['unit C', () => ({ unitId: unit.C }), ['U', 'V']],
  ['unit A1', () => ({ unitId: unit.A1 }), ['S1']],
  ['an unknown unit', () => ({ unitId: 999999 }), []],
  ['status assigned', () => ({ status: 'assigned' }), ['T', 'S1', 'U']],
  ['status draft or closure requested', () => ({ status: 'draft,closure_requested' }), ['S2', 'V']],
  ['key tasks', () => ({ isKey: 'true' }), ['T']],
  ['not key tasks', () => ({ isKey: 'false' }), ['S1', 'S2', 'U', 'V']],
  ['responsible person', () => ({ responsiblePersonId: user.headA }), ['T']],
  ['responsible leader (inherited)', () => ({ responsibleLeaderId: user.leaderA }), ['T', 'S1', 'S2']],
  ['source (inherited)', () => ({ sourceId }), ['T', 'S1', 'S2']],
  ['top level', () => ({ parentId: 'root' }), ['T', 'U', 'V']],
  ['children of T', () => ({ parentId: task.T }), ['S1', 'S2']],
  ['deadline from', () => ({ deadlineFrom: '2026-01-01' }), ['T', 'S1', 'S2']],
  ['deadline to', () => ({ deadlineTo: '2025-12-31' }), ['U']],
  ['overdue', () => ({ overdue: 'true' }), ['U']],
  ['not overdue', () => ({ overdue: 'false' }), ['T', 'S1', 'S2', 'V']],
  ['not acknowledged', () => ({ unacknowledged: 'true' }), ['T', 'S1', 'U']],
  ['search, 1 character', () => ({ q: '改' }), ['T', 'S1', 'U', 'V']],
  ['search, 2 characters', () => ({ q: '小区' }), ['T', 'S1', 'S2']],
  ['search, 3 characters', () => ({ q: '老旧小' }), ['T', 'S1', 'S2']],
  ['search, 4 characters', () => ({ q: '学校改造' }), ['V']],
  ['search in the description', () => ({ q: '三百个小区' }), ['T']],
  ['search with nothing found', () => ({ q: '不存在的事项' }), []],
  ['search and unit together', () => ({ q: '改造', unitId: unit.C }), ['U', 'V']],
];

function query(params: Record<string, string | number | null>): string {
  const entries = Object.entries(params).flatMap(
    ([k, v]): Array<[string, string]> => (v === null ? [] : [[k, String(v)]]),
  );
  const search = new URLSearchParams(entries).toString();
  return search ? `/tasks?${search}` : '/tasks';
}

describe('GET /tasks', () => {
  it.each(FILTERS)('should list only in-scope tasks for every caller: %s', async (_label, params, matches) => {
    for (const who of WHO) {
      const res = await call(who, 'GET', query(params()));
      expect(res.statusCode, who).toBe(200);
      const expected = matches.filter((key) => sees(who, key));
      expect(sorted(keysOf(idsOf(res))), who).toEqual(sorted(expected));
    }
  });

  it('should page through exactly the caller’s tasks with the cursor, for every sort order', async () => {
    for (const sort of ['-updated', 'deadline', '-number']) {
      for (const who of WHO) {
        const seen: number[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const res = await call(who, 'GET', query({ sort, limit: 2, cursor }));
          const body: { items: unknown[]; nextCursor: string | null } = res.json();
          expect(body.items.length, `${who} ${sort}`).toBeLessThanOrEqual(2);
          seen.push(...idsOf(res));
          cursor = body.nextCursor;
          if (!cursor) break;
        }
        expect(new Set(seen).size, `${who} ${sort}: no task twice`).toBe(seen.length);
        expect(sorted(keysOf(seen)), `${who} ${sort}`).toEqual(sorted(SEES[who]));
      }
    }
  });

  it('should keep the sort order across pages', async () => {
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('sup', 'GET', query({ sort: 'deadline', limit: 2, cursor }));
      const body: { items: Array<{ deadline: string | null }>; nextCursor: string | null } = res.json();
      pages.push(...body.items.map((item) => item.deadline ?? '9999-12-31'));
      cursor = body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(sorted(pages));
    expect(pages).toHaveLength(ALL.length);
  });

  it('should refuse a cursor that was not made by the server with 400', async () => {
    const res = await call('staffA', 'GET', query({ cursor: 'not-a-cursor' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_cursor', field: 'cursor' });
  });
});

describe('GET /tasks/:id/tree', () => {
  it('should show the subtree to those who see its root, leaving out subtasks outside their scope', async () => {
    for (const who of WHO) {
      for (const root of ['T', 'S1'] as const) {
        const res = await call(who, 'GET', `/tasks/${task[root]}/tree`);
        if (!sees(who, root)) {
          expect(res.statusCode, `${who} ${root}`).toBe(404);
          continue;
        }
        const inTree: Key[] = root === 'T' ? ['T', 'S1', 'S2'] : ['S1'];
        const expected = inTree.filter((key) => key === root || sees(who, key));
        expect(keysOf(idsOf(res)), `${who} ${root}`).toEqual(expected);
      }
    }
  });
});

describe('GET /inbox', () => {
  it('should hold what waits for each person and their unit, and nothing of other units', async () => {
    const none = { toAcknowledge: [], returned: [], overdue: [], closureRequests: [] };
    const expected: Record<Who, Record<keyof typeof none, Key[]>> = {
      sup: { ...none, closureRequests: ['V'] },
      admin: { ...none, closureRequests: ['V'] },
      aud: none,
      leaderA: none,
      leaderC: none,
      headA: { ...none, toAcknowledge: ['T'] },
      staffA: { ...none, toAcknowledge: ['T'] },
      headB: { ...none, toAcknowledge: ['T'] },
      staffB: { ...none, toAcknowledge: ['T'] },
      headC: { ...none, toAcknowledge: ['U'], overdue: ['U'] },
      staffC: { ...none, toAcknowledge: ['U'], overdue: ['U'] },
      headA1: { ...none, toAcknowledge: ['S1'] },
      staffA1: { ...none, toAcknowledge: ['S1'] },
    };
    for (const who of WHO) {
      const body = (await call(who, 'GET', '/inbox')).json();
      const got = Object.fromEntries(
        Object.keys(none).map((list) => [list, keysOf(body[list].map((item: { id: number }) => item.id))]),
      );
      expect(got, who).toEqual(expected[who]);
    }
  });
});

describe('writes by relation', () => {
  /** Expects a refusal (403 when the caller sees the task, else 404) that changed nothing. */
  async function expectRefused(who: Who, key: Key, method: Method, url: string, payload?: object) {
    const before = await taskSnapshot(t.db);
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${who} ${method} ${url}`).toBe(sees(who, key) ? 403 : 404);
    expect(res.json().code).toBe(sees(who, key) ? 'forbidden' : 'not_found');
    expect(await taskSnapshot(t.db), `${who} ${method} ${url} changed something`).toEqual(before);
  }

  it('should leave editing, decomposing, moving and deleting to supervisors and admins', async () => {
    const { version } = await currentTask(t.db, task.T);
    const others = WHO.filter((who) => who !== 'sup' && who !== 'admin');
    for (const who of others) {
      await expectRefused(who, 'T', 'PATCH', `/tasks/${task.T}`, { version, title: '越权修改' });
      await expectRefused(who, 'T', 'POST', `/tasks/${task.T}/subtasks`, {
        version,
        subtasks: [{ title: '越权分解' }],
      });
      await expectRefused(who, 'T', 'POST', `/tasks/${task.T}/move`, { version, parentId: null });
      await expectRefused(who, 'T', 'DELETE', `/tasks/${task.T}?version=${version}`);
    }
  });

  it('should let supervisors and admins edit any task', async () => {
    for (const who of ['sup', 'admin'] as const) {
      const { version } = await currentTask(t.db, task.S2);
      const res = await call(who, 'PATCH', `/tasks/${task.S2}`, { version, description: `由${who}补充说明` });
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toMatchObject({ description: `由${who}补充说明`, version: version + 1 });
    }
  });

  it('should let only the supervision office set progress by hand (units report it through reviewed reports)', async () => {
    const allowed: Who[] = ['sup', 'admin'];
    for (const who of WHO) {
      const { version } = await currentTask(t.db, task.S1);
      const url = `/tasks/${task.S1}/progress`;
      if (!allowed.includes(who)) {
        await expectRefused(who, 'S1', 'PUT', url, { version, progress: 99 });
        continue;
      }
      const progress = allowed.indexOf(who) * 10 + 10;
      const res = await call(who, 'PUT', url, { version, progress });
      expect(res.statusCode, who).toBe(200);
      expect(res.json().progress).toBe(progress);
    }
  });

  it('should refuse progress on a task that is no longer open (cancelled here), changing nothing', async () => {
    const id = (await makeTask(t, { title: '已撤销的任务', leadUnitId: unit.A })).id;
    const before = await advance(t, id, ['assign', 'cancel']);
    const res = await call('sup', 'PUT', `/tasks/${id}/progress`, { version: before.version, progress: 40 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'task_not_open' });
    expect(res.json().detail).toContain('已撤销');
    expect(await currentTask(t.db, id)).toEqual(before);
  });

  it('should let a cooperating unit describe its own part only', async () => {
    const partOf = (unitKey: UnitKey) => `/tasks/${task.T}/units/${unit[unitKey]}/part`;
    for (const who of ['headB', 'staffB', 'sup', 'admin'] as const) {
      const res = await call(who, 'PUT', partOf('B'), { part: `${who}：落实改造资金` });
      expect(res.statusCode, who).toBe(200);
      const part = res.json().units.find((u: { unitId: number }) => u.unitId === unit.B).part;
      expect(part).toBe(`${who}：落实改造资金`);
    }
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('object_id', '=', String(task.T))
      .where('action', '=', 'task.part')
      .orderBy('seq')
      .execute();
    expect(audited.map((row) => row.actor_user_id)).toEqual([user.headB, user.staffB, user.sup, user.admin]);
    for (const who of WHO.filter((w) => !['headB', 'staffB', 'sup', 'admin'].includes(w))) {
      await expectRefused(who, 'T', 'PUT', partOf('B'), { part: '越权' });
    }
    await expectRefused('staffB', 'T', 'PUT', partOf('A'), { part: '改别人的分工' });
    const before = await taskSnapshot(t.db);
    for (const who of ['staffB', 'sup'] as const) {
      const res = await call(who, 'PUT', partOf('C'), { part: '不在任务上的单位' });
      expect(res.statusCode, who).toBe(404);
    }
    expect(await taskSnapshot(t.db)).toEqual(before);
  });

  it('should take lifecycle actions only from the relations allowed to', async () => {
    const id = (await makeTask(t, { title: '按关系流转', leadUnitId: unit.A, cooperatingUnits: [{ unitId: unit.B }] }))
      .id;
    await advance(t, id, ['assign']);
    const act = async (who: Who, action: string, expected: number) => {
      const { version } = await currentTask(t.db, id);
      const before = await taskSnapshot(t.db);
      const res = await call(who, 'POST', `/tasks/${id}/${action}`, { version, reason: '按关系测试' });
      expect(res.statusCode, `${who} ${action}`).toBe(expected);
      if (expected !== 200) expect(await taskSnapshot(t.db), `${who} ${action}`).toEqual(before);
      return res;
    };
    for (const who of ['leaderC', 'headC', 'staffC', 'headA1', 'staffA1'] as const) await act(who, 'acknowledge', 404);
    for (const who of ['sup', 'admin', 'aud', 'leaderA'] as const) await act(who, 'acknowledge', 403);
    expect((await act('staffB', 'acknowledge', 200)).json().status).toBe('assigned');
    expect((await act('headA', 'acknowledge', 200)).json().status).toBe('in_progress');
    // Closure goes through the closure application (closure/closure.test.ts has the whole flow).
    const closure = async (who: Who, method: 'PUT' | 'POST', body: object, expected: number) => {
      const before = await taskSnapshot(t.db);
      const url = method === 'PUT' ? `/tasks/${id}/closure` : `/tasks/${id}/closure/actions`;
      const res = await call(who, method, url, body);
      expect(res.statusCode, `${who} ${JSON.stringify(body)}`).toBe(expected);
      if (expected !== 200) expect(await taskSnapshot(t.db), `${who} ${JSON.stringify(body)}`).toEqual(before);
      return res;
    };
    const draft = { version: 0, summary: '已全部完成' };
    for (const who of ['staffB', 'leaderA', 'aud', 'sup'] as const) await closure(who, 'PUT', draft, 403);
    await closure('staffC', 'PUT', draft, 404);
    await closure('staffA', 'PUT', draft, 200);
    await closure('staffA', 'POST', { action: 'submit', version: 1 }, 200);
    const approved = await closure('headA', 'POST', { action: 'approve', version: 2 }, 200);
    expect(approved.json().application.status).toBe('pending_supervisor');
    expect((await currentTask(t.db, id)).status).toBe('closure_requested');
    const accept = { action: 'accept', version: 3 };
    for (const who of ['staffA', 'headA', 'staffB', 'leaderA', 'aud'] as const) await closure(who, 'POST', accept, 403);
    await closure('staffA1', 'POST', accept, 404);
    await closure('sup', 'POST', accept, 200);
    expect((await currentTask(t.db, id)).status).toBe('closed');
  });
});
