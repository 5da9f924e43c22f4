import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { inTransaction } from '../db/transaction.js';
import { actorOf, advance, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { attachEvidence, evidenceOf, lockEvidence } from './evidence.service.js';
import { samplePdf, samplePng, storeSampleFile } from './file-samples.js';
import { fileStoreFor } from './file-store.js';
import { deleteTaskFile } from './files.service.js';

// The evidence functions other features call inside their transactions: which files may be
// attached, how a new set replaces the old one, and that a locked link outlives every edit.

let t: TestApp;
let staff: Actor;
let taskId: number;
let otherTaskId: number;
const file: Record<'a' | 'b' | 'c' | 'foreign' | 'deleted', number> = { a: 0, b: 0, c: 0, foreign: 0, deleted: 0 };
let nextSubject = 1;

beforeAll(async () => {
  t = await createTestApp();
  const unit = await t.makeUnit('市发展和改革委员会');
  staff = await actorOf(t, await t.makeUser('evidence.staff', ['unit_staff'], { unitId: unit.id }));
  taskId = (await makeTask(t, { title: '优化营商环境', leadUnitId: unit.id })).id;
  otherTaskId = (await makeTask(t, { title: '扩大有效投资', leadUnitId: unit.id })).id;
  await advance(t, taskId, ['assign']);
  await advance(t, otherTaskId, ['assign']);
  file.a = (await storeSampleFile(t, taskId, { name: '甲.pdf', content: samplePdf('a') }, staff)).id;
  file.b = (await storeSampleFile(t, taskId, { name: '乙.png', content: samplePng([1, 1, 1]) }, staff)).id;
  file.c = (await storeSampleFile(t, taskId, { name: '丙.pdf', content: samplePdf('c') }, staff)).id;
  file.foreign = (await storeSampleFile(t, otherTaskId, { name: '别的任务.pdf', content: samplePdf('x') }, staff)).id;
  file.deleted = (await storeSampleFile(t, taskId, { name: '已删.pdf', content: samplePdf('d') }, staff)).id;
  await deleteTaskFile({ db: t.db, store: fileStoreFor(t.config) }, { fileId: file.deleted, actor: staff });
});
afterAll(() => t.close());

function attach(subjectId: number, fileIds: number[], task = taskId) {
  return inTransaction(t.db, (trx) =>
    attachEvidence(trx, { taskId: task, fileIds, subjectType: 'report', subjectId, actor: staff }),
  );
}

async function linksOf(subjectId: number) {
  return t.db
    .selectFrom('evidence_links')
    .select(['file_id', 'locked'])
    .where('subject_type', '=', 'report')
    .where('subject_id', '=', subjectId)
    .orderBy('file_id')
    .execute();
}

async function namesOf(subjectId: number): Promise<string[]> {
  return ((await evidenceOf(t.db, 'report', [subjectId])).get(subjectId) ?? []).map((f) => f.name);
}

describe(attachEvidence.name, () => {
  it('should link the given files and replace the set on the next call', async () => {
    const subject = nextSubject++;
    await attach(subject, [file.a, file.b, file.a]);
    expect(await namesOf(subject)).toEqual(['甲.pdf', '乙.png']);
    await attach(subject, [file.b, file.c]);
    expect(await namesOf(subject)).toEqual(['乙.png', '丙.pdf']);
    await attach(subject, []);
    expect(await linksOf(subject)).toEqual([]);
  });

  it('should refuse a file of another task with 422 evidence_file_other_task, changing nothing', async () => {
    const subject = nextSubject++;
    await attach(subject, [file.a]);
    await expect(attach(subject, [file.b, file.foreign])).rejects.toMatchObject({
      code: 'evidence_file_other_task',
      status: 422,
      field: 'fileIds',
      params: { id: file.foreign, name: '别的任务.pdf' },
    });
    expect(await linksOf(subject)).toEqual([{ file_id: file.a, locked: 0 }]);
  });

  it('should refuse a deleted or missing file with 422 evidence_file_not_found, changing nothing', async () => {
    const subject = nextSubject++;
    await attach(subject, [file.a]);
    for (const id of [file.deleted, 999999]) {
      await expect(attach(subject, [file.b, id])).rejects.toMatchObject({
        code: 'evidence_file_not_found',
        status: 422,
        params: { id },
      });
    }
    expect(await linksOf(subject)).toEqual([{ file_id: file.a, locked: 0 }]);
  });

  it('should keep a locked link whatever the new set says, and add to it', async () => {
    const subject = nextSubject++;
    await attach(subject, [file.a, file.b]);
    await inTransaction(t.db, (trx) => lockEvidence(trx, 'report', subject));
    await attach(subject, []);
    expect(await linksOf(subject)).toEqual([
      { file_id: file.a, locked: 1 },
      { file_id: file.b, locked: 1 },
    ]);
    await attach(subject, [file.c]);
    expect(await linksOf(subject)).toEqual([
      { file_id: file.a, locked: 1 },
      { file_id: file.b, locked: 1 },
      { file_id: file.c, locked: 0 },
    ]);
  });
});

describe(lockEvidence.name, () => {
  it("should lock only that subject's links, so its files cannot be deleted and others can", async () => {
    const locked = nextSubject++;
    const draft = nextSubject++;
    const kept = (await storeSampleFile(t, taskId, { name: '提交.pdf', content: samplePdf('kept') }, staff)).id;
    const loose = (await storeSampleFile(t, taskId, { name: '草稿.pdf', content: samplePdf('loose') }, staff)).id;
    await attach(locked, [kept]);
    await attach(draft, [loose]);
    await inTransaction(t.db, (trx) => lockEvidence(trx, 'report', locked));
    const deps = { db: t.db, store: fileStoreFor(t.config) };
    await expect(deleteTaskFile(deps, { fileId: kept, actor: staff })).rejects.toMatchObject({ code: 'file_in_use' });
    await deleteTaskFile(deps, { fileId: loose, actor: staff });
    expect(await linksOf(draft)).toEqual([]);
    expect(await namesOf(locked)).toEqual(['提交.pdf']);
  });

  it('should do nothing for a subject without evidence', async () => {
    await inTransaction(t.db, (trx) => lockEvidence(trx, 'report', 424242));
    expect(await linksOf(424242)).toEqual([]);
  });
});

describe(evidenceOf.name, () => {
  it('should answer every requested subject, in upload order, keeping subject types apart', async () => {
    const first = nextSubject++;
    const second = nextSubject++;
    const empty = nextSubject++;
    await attach(first, [file.c, file.a]);
    await attach(second, [file.b]);
    await inTransaction(t.db, (trx) =>
      attachEvidence(trx, { taskId, fileIds: [file.c], subjectType: 'closure', subjectId: second, actor: staff }),
    );
    const views = await evidenceOf(t.db, 'report', [first, second, empty]);
    expect([...views.keys()]).toEqual([first, second, empty]);
    expect(views.get(first)?.map((f) => f.id)).toEqual([file.a, file.c]);
    expect(views.get(second)).toEqual([
      {
        id: file.b,
        name: '乙.png',
        sizeBytes: samplePng([1, 1, 1]).length,
        contentType: 'image/png',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        uploadedAt: expect.any(String),
        uploadedBy: { id: staff.userId, displayName: 'evidence.staff' },
      },
    ]);
    expect(views.get(empty)).toEqual([]);
    expect((await evidenceOf(t.db, 'closure', [second])).get(second)?.map((f) => f.id)).toEqual([file.c]);
  });
});
