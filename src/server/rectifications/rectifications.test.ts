import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../domain/dates.js';
import type { Rectification } from '../../shared/rectifications-api.js';
import type { Actor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { actorOf, advance, caller, currentTask, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Rectification items (整改/销号) through the API on a real database: created from a review finding
// as a task of kind `rectification` assigned to the owner unit (inbox, notification), who sees them,
// the sign-off through the closure flow (evidence, the supervision office, fields, notifications),
// the carried-over flag, and refusals that change nothing.

let t: TestApp;
let today: string;
const unit = { city: 0, a: 0, b: 0 };
const u = { aStaff: 0, aHead: 0, bStaff: 0, sup: 0, aLeader: 0, auditor: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let aStaffActor: Actor;
let period = { ended: 0, current: 0 };
let originTaskId = 0;

async function insertPeriod(name: string, startsOn: string, endsOn: string): Promise<number> {
  const now = nowIso();
  const row = await t.db
    .insertInto('assessment_periods')
    .values({
      name,
      starts_on: startsOn,
      ends_on: endsOn,
      selection: '{}',
      scheme: '{}',
      status: 'draft',
      previous_period_id: null,
      computed_at: null,
      computed_hash: null,
      frozen_at: null,
      frozen_by: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  u.aStaff = await t.makeUser('r.astaff', ['unit_staff'], { unitId: unit.a });
  u.aHead = await t.makeUser('r.ahead', ['unit_head'], { unitId: unit.a });
  u.bStaff = await t.makeUser('r.bstaff', ['unit_staff'], { unitId: unit.b });
  u.sup = await t.makeUser('r.sup', ['supervisor'], { unitId: unit.city });
  u.aLeader = await t.makeUser('r.aleader', ['leader'], { unitsInChargeIds: [unit.a] });
  u.auditor = await t.makeUser('r.auditor', ['auditor']);
  for (const who of Object.keys(u) as Array<keyof typeof u>)
    as[who] = caller(t, await t.login(`r.${who.toLowerCase()}`));
  as.admin = caller(t, await t.login('admin'));
  aStaffActor = await actorOf(t, u.aStaff);
  period = {
    ended: await insertPeriod('2020年上半年', '2020-01-01', '2020-06-30'),
    current: await insertPeriod('本期', today, '2999-12-31'),
  };
  const origin = await makeTask(t, { title: '推进城镇老旧小区改造', leadUnitId: unit.a });
  originTaskId = (await advance(t, origin.id, ['assign', ['acknowledge', aStaffActor]])).id;
});
afterAll(() => t.close());

function expectOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
}

const deadline = '2999-06-30';

/** A review finding on the origin task, owned by unit A. */
function reviewBody(extra: object = {}) {
  return {
    originType: 'review',
    originTaskId,
    periodId: period.current,
    finding: '未按期完成老旧小区改造',
    measures: '倒排工期，每周调度',
    leadUnitId: unit.a,
    deadline,
    ...extra,
  };
}

async function create(extra: object = {}): Promise<Rectification> {
  return expectOk(await as.sup('POST', '/rectifications', reviewBody(extra)), 201);
}

async function kindsNotified(userId: number, taskId: number) {
  const rows = await t.db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', userId)
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.kind);
}

/** Everything a refused request could have touched. */
async function snapshot() {
  const count = async (table: 'tasks' | 'rectifications' | 'notifications' | 'audit_log' | 'task_events') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    tasks: await count('tasks'),
    rectifications: await count('rectifications'),
    notifications: await count('notifications'),
    audit: await count('audit_log'),
    events: await count('task_events'),
  };
}

describe('POST /rectifications', () => {
  it('should create a task of kind rectification assigned to the owner unit, in its inbox, with a notification', async () => {
    const item = await create({ title: '老旧小区改造整改' });
    expect(item).toMatchObject({
      title: '老旧小区改造整改',
      taskStatus: 'assigned',
      state: 'open',
      leadUnit: { id: unit.a },
      deadline,
      origin: { type: 'review', task: { id: originTaskId, title: '推进城镇老旧小区改造' } },
      period: { id: period.current },
      carriedOver: false,
      finding: '未按期完成老旧小区改造',
    });
    const task = expectOk(await as.aStaff('GET', `/tasks/${item.taskId}`));
    expect(task.kind).toBe('rectification');
    const inbox = expectOk(await as.aStaff('GET', '/inbox'));
    expect(inbox.toAcknowledge.map((row: { id: number }) => row.id)).toContain(item.taskId);
    expect(await kindsNotified(u.aStaff, item.taskId)).toEqual(['task.assigned']);
    expect(await kindsNotified(u.aHead, item.taskId)).toEqual(['task.assigned']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', String(item.taskId))
      .execute();
    expect(audit.map((row) => row.action)).toContain('rectification.create');
  });

  it('should default the title to 整改：<origin task title>', async () => {
    expect((await create()).title).toBe('整改：推进城镇老旧小区改造');
  });

  it('should be filterable by kind on the task list', async () => {
    const item = await create();
    const page = expectOk(await as.sup('GET', '/tasks?kind=rectification&limit=200'));
    const ids = page.items.map((row: { id: number }) => row.id);
    expect(ids).toContain(item.taskId);
    expect(ids).not.toContain(originTaskId);
  });

  it('should refuse bad origins and non-supervisors, changing nothing', async () => {
    const before = await snapshot();
    expectProblem(await as.sup('POST', '/rectifications', reviewBody({ periodId: null })), 400, 'validation_failed');
    expectProblem(
      await as.sup('POST', '/rectifications', reviewBody({ originType: 'bulletin' })),
      400,
      'validation_failed',
    );
    expectProblem(await as.sup('POST', '/rectifications', reviewBody({ periodId: 999999 })), 404, 'not_found');
    expectProblem(await as.sup('POST', '/rectifications', reviewBody({ originTaskId: 999999 })), 404, 'not_found');
    expectProblem(
      await as.sup('POST', '/rectifications', reviewBody({ originType: 'bulletin', originId: 999999 })),
      404,
      'not_found',
    );
    expectProblem(await as.sup('POST', '/rectifications', reviewBody({ finding: '  ' })), 400, 'validation_failed');
    expectProblem(await as.aStaff('POST', '/rectifications', reviewBody()), 403, 'forbidden');
    expectProblem(await as.aLeader('POST', '/rectifications', reviewBody()), 403, 'forbidden');
    expect(await snapshot()).toEqual(before);
  });

  it('should accept a bulletin finding naming an existing bulletin', async () => {
    const now = nowIso();
    const bulletin = await t.db
      .insertInto('bulletins')
      .values({
        period_id: null,
        as_of: today,
        title: '通报',
        content: '{}',
        year: null,
        seq: null,
        number: null,
        issued_at: null,
        issued_by: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await create({ originType: 'bulletin', originId: bulletin.id, periodId: null, title: '通报整改' });
    expect(item.origin).toEqual({
      type: 'bulletin',
      id: bulletin.id,
      task: { id: originTaskId, number: expect.any(String), title: '推进城镇老旧小区改造' },
    });
  });
});

describe('GET /rectifications', () => {
  it('should show a unit its own items only, a leader their charge, supervision and auditors all', async () => {
    const item = await create();
    const ids = async (who: Who) =>
      (expectOk(await as[who]('GET', '/rectifications?limit=200')).items as Rectification[]).map((i) => i.taskId);
    for (const who of ['aStaff', 'aHead', 'aLeader', 'sup', 'auditor', 'admin'] as const) {
      expect(await ids(who)).toContain(item.taskId);
    }
    expect(await ids('bStaff')).not.toContain(item.taskId);
    expectProblem(await as.bStaff('GET', `/rectifications/${item.taskId}`), 404, 'not_found');
    expect(expectOk(await as.aStaff('GET', `/rectifications/${item.taskId}`)).taskId).toBe(item.taskId);
  });

  it('should answer 404 for a task that is not a rectification', async () => {
    expectProblem(await as.sup('GET', `/rectifications/${originTaskId}`), 404, 'not_found');
  });

  it('should flag items of an ended period still open as carried over, and filter by period and origin', async () => {
    const old = await create({ periodId: period.ended });
    expect(old.carriedOver).toBe(true);
    const page = expectOk(
      await as.sup('GET', `/rectifications?periodId=${period.ended}&originType=review&status=open`),
    );
    expect(page.items.map((i: Rectification) => i.taskId)).toEqual([old.taskId]);
    expect(expectOk(await as.sup('GET', `/rectifications?periodId=${period.ended}&originType=bulletin`)).items).toEqual(
      [],
    );
  });

  it('should list overdue items and page with a cursor', async () => {
    const late = await create();
    await t.db.updateTable('tasks').set({ deadline: '2020-01-10' }).where('id', '=', late.taskId).execute();
    const overdue = expectOk(await as.sup('GET', '/rectifications?overdue=true')).items as Rectification[];
    expect(overdue.map((i) => i.taskId)).toEqual([late.taskId]);
    expect(overdue[0]?.overdue).toBe(true);
    const first = expectOk(await as.sup('GET', '/rectifications?limit=1'));
    expect(first.nextCursor).not.toBeNull();
    const second = expectOk(await as.sup('GET', `/rectifications?limit=1&cursor=${first.nextCursor}`));
    expect(second.items[0].taskId).toBeLessThan(first.items[0].taskId);
    expectProblem(await as.sup('GET', '/rectifications?cursor=nonsense'), 400, 'invalid_cursor');
    expectProblem(await as.sup('GET', '/rectifications?status=closed'), 400, 'validation_failed');
  });
});

describe('sign-off (销号) through the closure flow', () => {
  async function addFile(taskId: number): Promise<number> {
    const row = await t.db
      .insertInto('files')
      .values({
        task_id: taskId,
        sha256: 'b'.repeat(64),
        size_bytes: 2048,
        content_type: 'application/pdf',
        original_name: '整改佐证.pdf',
        uploaded_by: u.aStaff,
        unit_id: unit.a,
        uploaded_at: nowIso(),
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** An item the unit has acknowledged and applied to close (pending at the supervision office). */
  async function applied(): Promise<{ taskId: number; version: number }> {
    const item = await create();
    await advance(t, item.taskId, [['acknowledge', aStaffActor]]);
    const fileId = await addFile(item.taskId);
    expectOk(
      await as.aStaff('PUT', `/tasks/${item.taskId}/closure`, { version: 0, summary: '已整改', fileIds: [fileId] }),
    );
    expectOk(await as.aHead('POST', `/tasks/${item.taskId}/closure/actions`, { action: 'submit', version: 1 }));
    expect((await currentTask(t.db, item.taskId)).status).toBe('closure_requested');
    const closure = expectOk(await as.sup('GET', `/tasks/${item.taskId}/closure`));
    return { taskId: item.taskId, version: closure.application.version };
  }

  it('should refuse to submit without evidence (422), changing nothing', async () => {
    const item = await create();
    await advance(t, item.taskId, [['acknowledge', aStaffActor]]);
    expectOk(await as.aStaff('PUT', `/tasks/${item.taskId}/closure`, { version: 0, summary: '已整改' }));
    expect(expectOk(await as.aStaff('GET', `/tasks/${item.taskId}/closure`)).evidenceRequired).toBe(true);
    const before = await snapshot();
    const res = await as.aStaff('POST', `/tasks/${item.taskId}/closure/actions`, { action: 'submit', version: 1 });
    expectProblem(res, 422, 'rectification_evidence_required');
    expect(res.json().field).toBe('fileIds');
    expect(await snapshot()).toEqual(before);
  });

  it('should let only the supervision office sign off (403 for the unit)', async () => {
    const { taskId, version } = await applied();
    const before = await snapshot();
    expectProblem(
      await as.aHead('POST', `/tasks/${taskId}/closure/actions`, { action: 'accept', version }),
      403,
      'forbidden',
    );
    expectProblem(
      await as.bStaff('POST', `/tasks/${taskId}/closure/actions`, { action: 'accept', version }),
      404,
      'not_found',
    );
    expectProblem(
      await as.sup('POST', `/tasks/${taskId}/closure/actions`, { action: 'accept', version: version + 1 }),
      409,
      'version_conflict',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('should write the sign-off and tell the unit when the supervision office accepts', async () => {
    const { taskId, version } = await applied();
    expectOk(
      await as.sup('POST', `/tasks/${taskId}/closure/actions`, { action: 'accept', reason: '整改到位', version }),
    );
    const item = expectOk(await as.aStaff('GET', `/rectifications/${taskId}`)) as Rectification;
    expect(item).toMatchObject({
      state: 'signed_off',
      taskStatus: 'closed',
      signedOffBy: { id: u.sup },
      signOffComment: '整改到位',
      carriedOver: false,
    });
    expect(item.signedOffAt).not.toBeNull();
    const kinds = await kindsNotified(u.aStaff, taskId);
    expect(kinds).toContain('rectification.signed_off');
    expect(kinds).not.toContain('closure.accepted');
    const signedOff = expectOk(await as.sup('GET', '/rectifications?status=signed_off&limit=200')).items;
    expect(signedOff.map((i: Rectification) => i.taskId)).toContain(taskId);
  });

  it('should tell the unit rectification.returned with the reason when the supervision office returns it', async () => {
    const { taskId, version } = await applied();
    expectOk(
      await as.sup('POST', `/tasks/${taskId}/closure/actions`, { action: 'return', reason: '佐证不足', version }),
    );
    const rows = await t.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('user_id', '=', u.aStaff)
      .where('task_id', '=', taskId)
      .execute();
    expect(rows.map((row) => row.kind)).not.toContain('closure.returned');
    const returned = rows.find((row) => row.kind === 'rectification.returned');
    expect(JSON.parse(returned?.params ?? '{}')).toEqual({ reason: '佐证不足' });
    const item = expectOk(await as.sup('GET', `/rectifications/${taskId}`)) as Rectification;
    expect(item).toMatchObject({ state: 'open', taskStatus: 'returned', signedOffAt: null });
  });
});
