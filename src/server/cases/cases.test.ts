import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/cases-api.js';
import { caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The case library through the API on a real database: writing, publishing and editing with
// versions; spreading a practice (adoption rows, notifications to the units' heads); each unit
// answering for itself; who sees drafts and negative examples; refusals that change nothing.

let t: TestApp;
const unit = { city: 0, a: 0, b: 0, c: 0, bSub: 0 };
const u = { sup: 0, aStaff: 0, bHead: 0, bStaff: 0, cHead: 0, bSubHead: 0, leader: 0, auditor: 0 };
type Who = keyof typeof u | 'admin';
const as = {} as Record<Who, ReturnType<typeof caller>>;
let taskId = 0;

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市住房城乡建设局', unit.city)).id;
  unit.b = (await t.makeUnit('市自然资源局', unit.city)).id;
  unit.c = (await t.makeUnit('市卫生健康委', unit.city)).id;
  unit.bSub = (await t.makeUnit('市自然资源局东区分局', unit.b)).id;
  u.sup = await t.makeUser('c.sup', ['supervisor']);
  u.aStaff = await t.makeUser('c.astaff', ['unit_staff'], { unitId: unit.a });
  u.bHead = await t.makeUser('c.bhead', ['unit_head'], { unitId: unit.b });
  u.bStaff = await t.makeUser('c.bstaff', ['unit_staff'], { unitId: unit.b });
  u.cHead = await t.makeUser('c.chead', ['unit_head'], { unitId: unit.c });
  u.bSubHead = await t.makeUser('c.bsubhead', ['unit_head'], { unitId: unit.bSub });
  u.leader = await t.makeUser('c.leader', ['leader'], { unitsInChargeIds: [unit.city] });
  u.auditor = await t.makeUser('c.auditor', ['auditor']);
  for (const who of Object.keys(u) as Array<keyof typeof u>) {
    as[who] = caller(t, await t.login(`c.${who.toLowerCase()}`));
  }
  as.admin = caller(t, await t.login('admin'));
  taskId = (await makeTask(t, { title: '老旧小区改造“一站式”审批', leadUnitId: unit.a })).id;
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

const exemplary = {
  kind: 'exemplary',
  title: '住建局“一站式”审批经验',
  summary: '压缩审批时限一半。',
  writeUp: '一、主要做法\n二、取得成效',
};

async function create(body: object = {}): Promise<CaseView> {
  return expectOk(await as.sup('POST', '/cases', { ...exemplary, taskId, unitId: unit.a, ...body }), 201);
}

async function published(body: object = {}): Promise<CaseView> {
  const draft = await create(body);
  return expectOk(await as.sup('POST', `/cases/${draft.id}/publish`, { version: draft.version }));
}

async function notificationsOf(userId: number, caseId: number) {
  return t.db
    .selectFrom('notifications')
    .select(['kind', 'subject_type', 'subject_id'])
    .where('user_id', '=', userId)
    .where('subject_id', '=', caseId)
    .execute();
}

describe('createCase', () => {
  it('should save a draft with its links, visible to supervision only', async () => {
    const draft = await create();
    expect(draft).toMatchObject({ status: 'draft', kind: 'exemplary', toSpread: false, version: 1 });
    expect(draft.task?.id).toBe(taskId);
    expect(draft.unit).toEqual({ id: unit.a, name: '市住房城乡建设局' });
    expect(draft.allowedActions).toEqual(['edit', 'publish']);
    expectProblem(await as.aStaff('GET', `/cases/${draft.id}`), 404, 'not_found');
    expectProblem(await as.leader('GET', `/cases/${draft.id}`), 404, 'not_found');
    const list = expectOk(await as.leader('GET', '/cases'));
    expect(list.items.map((c: CaseView) => c.id)).not.toContain(draft.id);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', String(draft.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('case.create');
  });

  it('should refuse bad input (400), other roles (403) and unknown links (400/422)', async () => {
    expectProblem(await as.sup('POST', '/cases', { ...exemplary, title: ' ' }), 400, 'validation_failed');
    expectProblem(await as.sup('POST', '/cases', { ...exemplary, kind: 'other' }), 400, 'validation_failed');
    expectProblem(await as.aStaff('POST', '/cases', exemplary), 403, 'forbidden');
    expectProblem(await as.sup('POST', '/cases', { ...exemplary, taskId: 999999 }), 400, 'validation_failed');
    expectProblem(await as.sup('POST', '/cases', { ...exemplary, unitId: 999999 }), 422, 'unit_not_found');
  });
});

describe('updateCase and changeCaseStatus', () => {
  it('should publish, edit with versions and refuse stale or illegal steps', async () => {
    const draft = await create();
    const edited = expectOk(await as.sup('PATCH', `/cases/${draft.id}`, { title: '新标题', version: 1 }));
    expect(edited).toMatchObject({ title: '新标题', version: 2 });
    expectProblem(await as.sup('PATCH', `/cases/${draft.id}`, { title: '过期', version: 1 }), 409, 'version_conflict');
    const pub = expectOk(await as.sup('POST', `/cases/${draft.id}/publish`, { version: 2 }));
    expect(pub.status).toBe('published');
    expect(pub.publishedAt).toBeTruthy();
    expectProblem(await as.sup('POST', `/cases/${draft.id}/publish`, { version: 3 }), 409, 'case_action_illegal');
    const again = expectOk(await as.sup('PATCH', `/cases/${draft.id}`, { summary: '更新摘要', version: 3 }));
    expect(again.summary).toBe('更新摘要');
    expectProblem(await as.aStaff('PATCH', `/cases/${draft.id}`, { title: 'x', version: 4 }), 403, 'forbidden');
    const archived = expectOk(await as.sup('POST', `/cases/${draft.id}/archive`, { version: 4 }));
    expect(archived.allowedActions).toEqual([]);
    expectProblem(await as.sup('PATCH', `/cases/${draft.id}`, { title: 'x', version: 5 }), 409, 'case_action_illegal');
  });
});

describe('spreadCase', () => {
  it('should ask chosen units and a subtree, notify their heads, and keep earlier answers', async () => {
    const item = await published();
    const spread = expectOk(
      await as.sup('POST', `/cases/${item.id}/spread`, { unitIds: [unit.c, unit.a], version: item.version }),
    );
    // The case's own unit (A) is never asked.
    expect(spread.toSpread).toBe(true);
    expect(spread.adoptions.map((a: { unit: { id: number } }) => a.unit.id)).toEqual([unit.c]);
    expect(spread.adoptionCounts).toMatchObject({ total: 1, pending: 1 });
    expect(await notificationsOf(u.cHead, item.id)).toEqual([
      { kind: 'case.to_spread', subject_type: 'case', subject_id: item.id },
    ]);
    expect(await notificationsOf(u.bHead, item.id)).toEqual([]);

    const more = expectOk(
      await as.sup('POST', `/cases/${item.id}/spread`, { subtreeUnitId: unit.b, version: spread.version }),
    );
    expect(more.adoptionCounts.total).toBe(3);
    expect(await notificationsOf(u.bSubHead, item.id)).toHaveLength(1);
    expect(await notificationsOf(u.bStaff, item.id)).toEqual([]);
    expect(await notificationsOf(u.cHead, item.id)).toHaveLength(1);
    const listed = expectOk(await as.bHead('GET', '/cases?askedOfMe=true'));
    expect(listed.items.map((c: CaseView) => c.id)).toContain(item.id);
    expect(listed.items.find((c: CaseView) => c.id === item.id).allowedActions).toEqual(['adopt']);
  });

  it('should refuse negative examples and drafts (409), no units (422), and non-supervisors (403)', async () => {
    const negative = await published({ kind: 'negative' });
    expectProblem(
      await as.sup('POST', `/cases/${negative.id}/spread`, { unitIds: [unit.b], version: negative.version }),
      409,
      'case_action_illegal',
    );
    const draft = await create();
    expectProblem(
      await as.sup('POST', `/cases/${draft.id}/spread`, { unitIds: [unit.b], version: draft.version }),
      409,
      'case_action_illegal',
    );
    const item = await published();
    expectProblem(
      await as.sup('POST', `/cases/${item.id}/spread`, { version: item.version }),
      400,
      'validation_failed',
    );
    expectProblem(
      await as.sup('POST', `/cases/${item.id}/spread`, { unitIds: [unit.a], version: item.version }),
      422,
      'unit_not_found',
    );
    expectProblem(
      await as.bHead('POST', `/cases/${item.id}/spread`, { unitIds: [unit.b], version: item.version }),
      403,
      'forbidden',
    );
    const after = expectOk(await as.sup('GET', `/cases/${item.id}`));
    expect(after).toMatchObject({ toSpread: false, version: item.version, adoptions: [] });
  });
});

describe('answerAdoption', () => {
  it('should let a unit answer its own adoption only, with versions', async () => {
    const item = await published();
    const spread = expectOk(
      await as.sup('POST', `/cases/${item.id}/spread`, { unitIds: [unit.b, unit.c], version: item.version }),
    );
    const url = `/cases/${item.id}/adoptions`;
    const answered = expectOk(
      await as.bStaff('PUT', `${url}/${unit.b}`, { status: 'adopted', note: '已推行', version: 1 }),
    );
    expect(answered.myAdoption).toMatchObject({ status: 'adopted', note: '已推行', version: 2, canAnswer: true });
    expectProblem(
      await as.bHead('PUT', `${url}/${unit.b}`, { status: 'planned', version: 1 }),
      409,
      'version_conflict',
    );
    expectProblem(await as.bHead('PUT', `${url}/${unit.c}`, { status: 'adopted', version: 1 }), 403, 'forbidden');
    expectProblem(await as.bHead('PUT', `${url}/${unit.a}`, { status: 'adopted', version: 1 }), 404, 'not_found');
    expectProblem(
      await as.bHead('PUT', `${url}/${unit.b}`, { status: 'pending', version: 2 }),
      400,
      'validation_failed',
    );
    expectProblem(await as.leader('PUT', `${url}/${unit.b}`, { status: 'adopted', version: 2 }), 403, 'forbidden');
    expectOk(await as.sup('PUT', `${url}/${unit.c}`, { status: 'not_applicable', version: 1 }));
    const summary = expectOk(await as.aStaff('GET', url));
    expect(summary.counts).toEqual({ total: 2, pending: 0, planned: 0, adopted: 1, notApplicable: 1 });
    expect(summary.items.every((a: { canAnswer: boolean }) => !a.canAnswer)).toBe(true);

    const archived = expectOk(await as.sup('POST', `/cases/${item.id}/archive`, { version: spread.version }));
    expect(archived.status).toBe('archived');
    expectProblem(
      await as.bHead('PUT', `${url}/${unit.b}`, { status: 'planned', version: 2 }),
      409,
      'case_action_illegal',
    );
  });
});

describe('case visibility', () => {
  it('should show a negative example to its unit, leaders and auditors only', async () => {
    const negative = await published({ kind: 'negative', unitId: unit.b, title: '资源局推诿扯皮' });
    for (const who of ['bStaff', 'leader', 'auditor', 'sup'] as const) {
      expectOk(await as[who]('GET', `/cases/${negative.id}`));
    }
    expectProblem(await as.cHead('GET', `/cases/${negative.id}`), 404, 'not_found');
    expectProblem(await as.cHead('GET', `/cases/${negative.id}/adoptions`), 404, 'not_found');
    const seen = expectOk(await as.cHead('GET', '/cases?kind=negative'));
    expect(seen.items).toEqual([]);
    const theirs = expectOk(await as.bStaff('GET', `/cases?kind=negative&q=${encodeURIComponent('推诿')}`));
    expect(theirs.items.map((c: CaseView) => c.id)).toEqual([negative.id]);
  });

  it('should filter the library and page through it', async () => {
    const first = await published({ title: 'ZZ-Filter case one' });
    await published({ title: 'zz-filter case two' });
    const page1 = expectOk(await as.cHead('GET', '/cases?q=zz-filter&limit=1&kind=exemplary&status=published'));
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = expectOk(await as.cHead('GET', `/cases?q=zz-filter&limit=1&cursor=${page1.nextCursor}`));
    expect(page2.items.map((c: CaseView) => c.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
    const byUnit = expectOk(await as.sup('GET', `/cases?unitId=${unit.a}&toSpread=false&taskId=${taskId}`));
    expect(byUnit.items.length).toBeGreaterThan(0);
    expectProblem(await as.sup('GET', '/cases?cursor=nope'), 400, 'invalid_cursor');
  });
});
