import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { inTransaction } from '../db/transaction.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { attachEvidence, lockEvidence } from './evidence.service.js';
import {
  listFilesUnder,
  type MultipartPart,
  multipart,
  sampleDocx,
  samplePdf,
  samplePng,
  storeSampleFile,
} from './file-samples.js';

// Evidence files over HTTP: who may upload, list, download and delete; the type checked on the
// bytes; the size limit; what is left on disk after each refusal; one blob per content.

type Who = 'sup' | 'aud' | 'admin' | 'leaderA' | 'headA' | 'staffA' | 'staffA2' | 'headB' | 'staffB' | 'staffC';

let t: TestApp;
let filesDir: string;
let taskId: number;
let otherTaskId: number;
const unit = {} as Record<'A' | 'B' | 'C', number>;
const user = {} as Record<Who, number>;
const cookie = {} as Record<Who, string>;

beforeAll(async () => {
  t = await createTestApp();
  filesDir = path.join(t.config.dataDir, 'files');
  unit.A = (await t.makeUnit('市住房和城乡建设局')).id;
  unit.B = (await t.makeUnit('市财政局')).id;
  unit.C = (await t.makeUnit('市教育局')).id;
  const people: Array<[Who, Role[], { unitId?: number; unitsInChargeIds?: number[] }]> = [
    ['sup', ['supervisor'], {}],
    ['aud', ['auditor'], {}],
    ['leaderA', ['leader'], { unitsInChargeIds: [unit.A] }],
    ['headA', ['unit_head'], { unitId: unit.A }],
    ['staffA', ['unit_staff'], { unitId: unit.A }],
    ['staffA2', ['unit_staff'], { unitId: unit.A }],
    ['headB', ['unit_head'], { unitId: unit.B }],
    ['staffB', ['unit_staff'], { unitId: unit.B }],
    ['staffC', ['unit_staff'], { unitId: unit.C }],
  ];
  for (const [who, roles, extra] of people) {
    user[who] = await t.makeUser(`files.${who}`, roles, extra);
    cookie[who] = await t.login(`files.${who}`);
  }
  cookie.admin = await t.login('admin');
  taskId = (
    await makeTask(t, {
      title: '推进老旧小区改造工程',
      leadUnitId: unit.A,
      cooperatingUnits: [{ unitId: unit.B, part: '保障改造资金' }],
    })
  ).id;
  otherTaskId = (await makeTask(t, { title: '乡村学校校舍改造', leadUnitId: unit.C })).id;
  await advance(t, taskId, ['assign']);
  await advance(t, otherTaskId, ['assign']);
});
afterAll(() => t.close());

function call(who: Who, method: 'GET' | 'DELETE', url: string) {
  return caller(t, cookie[who])(method, url);
}

function upload(
  who: Who | null,
  parts: MultipartPart[],
  options: { task?: number; headers?: Record<string, string> } = {},
) {
  const { payload, contentType } = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/tasks/${options.task ?? taskId}/files`,
    payload,
    headers: { 'content-type': contentType, ...(who ? { cookie: cookie[who] } : {}), ...options.headers },
  });
}

function uploadFile(who: Who, filename: string, content: Buffer, options: { task?: number } = {}) {
  return upload(who, [{ name: 'file', filename, contentType: 'application/octet-stream', content }], options);
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function blobPath(hash: string): string {
  return path.join(filesDir, hash.slice(0, 2), hash.slice(2, 4), hash);
}

/** Everything an upload or a delete could have changed: rows, links, timeline, audit, files on disk. */
async function snapshot() {
  const [files, links, events, audit, disk] = await Promise.all([
    t.db.selectFrom('files').selectAll().orderBy('id').execute(),
    t.db.selectFrom('evidence_links').selectAll().orderBy('file_id').execute(),
    t.db.selectFrom('task_events').select('id').execute(),
    t.db.selectFrom('audit_log').select('id').execute(),
    listFilesUnder(filesDir),
  ]);
  return { files, links, events: events.length, audit: audit.length, disk };
}

async function setMaxBytes(maxBytes: number) {
  const admin = caller(t, cookie.admin);
  const { version } = (await admin('GET', '/settings/files')).json();
  const res = await admin('PUT', '/settings/files', { version, maxBytes });
  expect(res.statusCode, res.body).toBe(200);
}

describe('POST /tasks/:id/files', () => {
  it('should store a PDF from the lead unit with its row, blob, timeline entry and audit entry', async () => {
    const pdf = samplePdf('lead');
    const res = await uploadFile('staffA', '2026年一季度进展报告.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      taskId,
      name: '2026年一季度进展报告.pdf',
      sizeBytes: pdf.length,
      contentType: 'application/pdf',
      sha256: sha256(pdf),
      uploadedBy: { id: user.staffA, displayName: 'files.staffA' },
      unit: { id: unit.A, name: '市住房和城乡建设局' },
      inUse: false,
      previewable: true,
    });
    expect(await readFile(blobPath(sha256(pdf)))).toEqual(pdf);
    const event = await t.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'file_uploaded', actor_user_id: user.staffA });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'task.file_uploaded')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ fileId: file.id, name: file.name, sha256: sha256(pdf) });
    expect(await listFilesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
  });

  it('should store a PNG from a cooperating unit under that unit', async () => {
    const res = await uploadFile('staffB', '现场照片.PNG', samplePng([10, 120, 10]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', unit: { id: unit.B }, previewable: true });
  });

  it('should store a .docx (a zip inside) from the supervision office, under no unit', async () => {
    const docx = sampleDocx();
    const res = await uploadFile('sup', '督查意见.docx', docx);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      unit: null,
      previewable: false,
      sizeBytes: docx.length,
    });
  });

  it('should sanitise the name: no path, no reserved or control characters', async () => {
    const res = await uploadFile('headA', '..\\..\\桌面\\会议*纪要?\u202e  终稿.pdf', samplePdf('name'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('会议纪要 终稿.pdf');
  });

  it('should refuse a .pdf that is HTML with 415, storing nothing anywhere', async () => {
    const before = await snapshot();
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/files`,
      ...(() => {
        const { payload, contentType } = multipart([
          { name: 'file', filename: '报告.pdf', contentType: 'application/pdf', content: html },
        ]);
        return { payload, headers: { 'content-type': contentType, cookie: cookie.staffA, 'accept-language': 'zh-CN' } };
      })(),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'file_type_not_allowed', field: 'file' });
    expect(res.json().detail).toContain('报告.pdf');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an .html page', 'page.html', Buffer.from('<html></html>')],
    ['an .svg image', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a .png that is a PDF', 'photo.png', samplePdf()],
    ['an empty .pdf', 'empty.pdf', Buffer.alloc(0)],
    ['a name without an extension', 'README', samplePdf()],
  ])('should refuse %s with 415, changing nothing', async (_label, filename, content) => {
    const before = await snapshot();
    const res = await uploadFile('staffA', filename, content);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('file_type_not_allowed');
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a file over the size limit with 413, leaving no partial file on disk', async () => {
    await setMaxBytes(1024);
    try {
      const before = await snapshot();
      const big = Buffer.concat([samplePdf('big'), Buffer.alloc(64 * 1024, 0x20)]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/files`,
        ...(() => {
          const { payload, contentType } = multipart([{ name: 'file', filename: '大文件.pdf', content: big }]);
          return { payload, headers: { 'content-type': contentType, cookie: cookie.staffA, 'accept-language': 'en' } };
        })(),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('file_too_large');
      expect(res.json().detail).toContain('1 KB');
      expect(await snapshot()).toEqual(before);
      expect(await listFilesUnder(path.join(filesDir, 'tmp'))).toEqual([]);

      const exact = Buffer.concat([samplePdf('exact'), Buffer.alloc(1024, 0x20)]).subarray(0, 1024);
      expect((await uploadFile('staffA', '正好.pdf', exact)).statusCode).toBe(201);
      const over = Buffer.concat([exact, Buffer.from(' ')]);
      expect((await uploadFile('staffA', '多一字节.pdf', over)).statusCode).toBe(413);
    } finally {
      await setMaxBytes(50 * 1024 * 1024);
    }
  });

  it('should keep one blob for the same content uploaded twice, in two rows', async () => {
    const png = samplePng([1, 2, 3]);
    const first = await uploadFile('staffA', '同一张照片.png', png);
    const second = await uploadFile('staffB', '同一张照片（副本）.png', png);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
    const rows = await t.db.selectFrom('files').select('id').where('sha256', '=', sha256(png)).execute();
    expect(rows).toHaveLength(2);
    const blobs = (await listFilesUnder(filesDir)).filter((name) => name.endsWith(sha256(png)));
    expect(blobs).toHaveLength(1);
  });

  it('should refuse people who see the task but do not work on it with 403, changing nothing', async () => {
    const before = await snapshot();
    for (const who of ['aud', 'leaderA'] as const) {
      const res = await uploadFile(who, '越权.pdf', samplePdf());
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('should answer 404 to a unit outside the task and for a task that does not exist, changing nothing', async () => {
    const before = await snapshot();
    expect((await uploadFile('staffC', '越界.pdf', samplePdf())).statusCode).toBe(404);
    expect((await uploadFile('staffA', '无此任务.pdf', samplePdf(), { task: 999999 })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a cross-site upload with 403 csrf_rejected, storing nothing', async () => {
    const before = await snapshot();
    const res = await upload('staffA', [{ name: 'file', filename: '跨站.pdf', content: samplePdf('csrf') }], {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    const fetchSite = await upload('staffA', [{ name: 'file', filename: '跨站.pdf', content: samplePdf('csrf') }], {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('should answer 401 without a session, storing nothing', async () => {
    const before = await snapshot();
    const res = await upload(null, [{ name: 'file', filename: '匿名.pdf', content: samplePdf('anon') }]);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
    expect(await snapshot()).toEqual(before);
  });

  it('should answer 400 file_required to a JSON body, a form without a file, or a file under another name', async () => {
    const before = await snapshot();
    const json = await caller(t, cookie.staffA)('POST', `/tasks/${taskId}/files`, { file: 'JVBERi0=' });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ code: 'file_required', field: 'file' });
    const noFile = await upload('staffA', [{ name: 'note', content: '只有说明' }]);
    expect(noFile.json()).toMatchObject({ code: 'file_required' });
    const wrongField = await upload('staffA', [{ name: 'attachment', filename: 'a.pdf', content: samplePdf() }]);
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().code).toBe('file_required');
    const broken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/files`,
      payload: 'not multipart at all',
      headers: { 'content-type': 'multipart/form-data', cookie: cookie.staffA },
    });
    expect(broken.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('should take a file after other form fields', async () => {
    const res = await upload('staffA', [
      { name: 'note', content: '附件说明' },
      { name: 'file', filename: '附件.pdf', content: samplePdf('after-field') },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('附件.pdf');
  });
});

describe('GET /tasks/:id/files', () => {
  let listTask: number;
  beforeAll(async () => {
    listTask = (await makeTask(t, { title: '列表任务', leadUnitId: unit.A })).id;
    await advance(t, listTask, ['assign']);
  });

  it('should list the live files newest first, with uploader, unit and whether each is in use', async () => {
    const older = await storeSampleFile(t, listTask, { name: '旧.png' }, await actorOf(t, user.staffA));
    const locked = await storeSampleFile(t, listTask, { name: '已提交.pdf', content: samplePdf('locked') });
    const deleted = await storeSampleFile(t, listTask, { name: '已删除.pdf', content: samplePdf('gone') });
    const actor = await actorOf(t, user.staffA);
    await inTransaction(t.db, async (trx) => {
      await attachEvidence(trx, { taskId: listTask, fileIds: [locked.id], subjectType: 'report', subjectId: 1, actor });
      await lockEvidence(trx, 'report', 1);
    });
    expect((await call('sup', 'DELETE', `/files/${deleted.id}`)).statusCode).toBe(204);
    const res = await call('staffA2', 'GET', `/tasks/${listTask}/files`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((f: { id: number }) => f.id)).toEqual([locked.id, older.id]);
    expect(res.json().items).toMatchObject([
      { name: '已提交.pdf', inUse: true, uploadedBy: null, unit: null },
      { name: '旧.png', inUse: false, uploadedBy: { id: user.staffA }, unit: { id: unit.A } },
    ]);
  });

  it('should show the list to everyone who sees the task and 404 to everyone else', async () => {
    const expected: Record<Who, number> = {
      sup: 200,
      aud: 200,
      admin: 200,
      leaderA: 200,
      headA: 200,
      staffA: 200,
      staffA2: 200,
      headB: 404,
      staffB: 404,
      staffC: 404,
    };
    for (const [who, status] of Object.entries(expected) as Array<[Who, number]>) {
      expect((await call(who, 'GET', `/tasks/${listTask}/files`)).statusCode, who).toBe(status);
    }
    expect((await call('sup', 'GET', '/tasks/999999/files')).statusCode).toBe(404);
  });
});

describe('GET /files/:id/content', () => {
  let pdfId: number;
  let docxId: number;
  const pdf = samplePdf('download');
  beforeAll(async () => {
    pdfId = (await storeSampleFile(t, taskId, { name: '2026年"重点"工作%进展.pdf', content: pdf })).id;
    docxId = (await storeSampleFile(t, taskId, { name: '方案.docx', content: sampleDocx() })).id;
  });

  it('should send the bytes as an attachment with the original name, nosniff and a private cache', async () => {
    const res = await call('staffB', 'GET', `/files/${pdfId}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(pdf);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(pdf.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('2026年重点工作%进展.pdf')}`);
    expect(disposition).toContain('filename="2026_.pdf"');
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
  });

  it('should show an image or a PDF inline on request, sandboxed and still nosniff', async () => {
    const res = await call('leaderA', 'GET', `/files/${pdfId}/content?inline=1`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^inline; /);
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should refuse an inline view of anything but an image or a PDF', async () => {
    const res = await call('staffA', 'GET', `/files/${docxId}/content?inline=1`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'inline' });
    const attachment = await call('staffA', 'GET', `/files/${docxId}/content`);
    expect(attachment.statusCode).toBe(200);
    expect(attachment.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('should answer 404 to a unit that may not see the task, and for missing files', async () => {
    const res = await call('staffC', 'GET', `/files/${pdfId}/content`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    expect(res.body).not.toContain('%PDF');
    expect((await call('sup', 'GET', '/files/999999/content')).statusCode).toBe(404);
  });
});

describe('DELETE /files/:id', () => {
  it('should let the uploader delete: gone from the list and downloads, blob removed, recorded', async () => {
    const png = samplePng([50, 60, 70]);
    const file = (await uploadFile('staffA', '删除我.png', png)).json();
    const res = await call('staffA', 'DELETE', `/files/${file.id}`);
    expect(res.statusCode).toBe(204);
    const row = await t.db.selectFrom('files').selectAll().where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect((await listFilesUnder(filesDir)).some((name) => name.endsWith(sha256(png)))).toBe(false);
    expect((await call('staffA', 'GET', `/files/${file.id}/content`)).statusCode).toBe(404);
    const listed = (await call('staffA', 'GET', `/tasks/${taskId}/files`))
      .json()
      .items.map((f: { id: number }) => f.id);
    expect(listed).not.toContain(file.id);
    const events = await t.db.selectFrom('task_events').select('action').where('task_id', '=', taskId).execute();
    expect(events.map((e) => e.action)).toContain('file_deleted');
  });

  it('should change nothing when a deleted file is deleted again', async () => {
    const file = (await uploadFile('staffA', '两次删除.pdf', samplePdf('twice'))).json();
    expect((await call('staffA', 'DELETE', `/files/${file.id}`)).statusCode).toBe(204);
    const before = await snapshot();
    expect((await call('staffA', 'DELETE', `/files/${file.id}`)).statusCode).toBe(204);
    expect(await snapshot()).toEqual(before);
  });

  it('should keep the blob while another live row has the same content', async () => {
    const png = samplePng([80, 90, 100]);
    const first = (await uploadFile('staffA', '甲.png', png)).json();
    const second = (await uploadFile('staffB', '乙.png', png)).json();
    expect((await call('staffA', 'DELETE', `/files/${first.id}`)).statusCode).toBe(204);
    expect(await readFile(blobPath(sha256(png)))).toEqual(png);
    const res = await call('staffB', 'GET', `/files/${second.id}/content`);
    expect(res.rawPayload).toEqual(png);
    expect((await call('staffB', 'DELETE', `/files/${second.id}`)).statusCode).toBe(204);
    expect((await listFilesUnder(filesDir)).some((name) => name.endsWith(sha256(png)))).toBe(false);
  });

  it('should keep the blob when its last row is deleted while the same content is uploaded again', async () => {
    for (let round = 0; round < 5; round++) {
      const png = samplePng([round, 200, 200]);
      const old = (await uploadFile('staffA', `旧${round}.png`, png)).json();
      const [deleted, uploaded] = await Promise.all([
        call('staffA', 'DELETE', `/files/${old.id}`),
        uploadFile('staffB', `新${round}.png`, png),
      ]);
      expect([deleted.statusCode, uploaded.statusCode]).toEqual([204, 201]);
      expect(await readFile(blobPath(sha256(png)))).toEqual(png);
      expect((await call('staffB', 'GET', `/files/${uploaded.json().id}/content`)).rawPayload).toEqual(png);
    }
  });

  it('should store simultaneous uploads of one content as rows sharing one blob', async () => {
    const pdf = samplePdf('together');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => uploadFile(i % 2 ? 'staffA' : 'staffB', `同时${i}.pdf`, pdf)),
    );
    expect(results.map((res) => res.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((res) => res.json().id)).size).toBe(6);
    expect((await listFilesUnder(filesDir)).filter((name) => name.endsWith(sha256(pdf)))).toHaveLength(1);
    expect(await listFilesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
  });

  it('should let the head of the uploading unit and the supervision office delete, and nobody else', async () => {
    const files = [];
    for (let i = 0; i < 3; i++) files.push((await uploadFile('staffA', `权限${i}.pdf`, samplePdf(`perm${i}`))).json());
    const before = await snapshot();
    for (const who of ['staffA2', 'headB', 'staffB', 'aud', 'leaderA'] as const) {
      const res = await call(who, 'DELETE', `/files/${files[0].id}`);
      expect(res.statusCode, who).toBe(403);
    }
    expect((await call('staffC', 'DELETE', `/files/${files[0].id}`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await call('headA', 'DELETE', `/files/${files[0].id}`)).statusCode).toBe(204);
    expect((await call('sup', 'DELETE', `/files/${files[1].id}`)).statusCode).toBe(204);
    expect((await call('admin', 'DELETE', `/files/${files[2].id}`)).statusCode).toBe(204);
  });

  it('should refuse to delete the evidence of something submitted with 409 file_in_use, changing nothing', async () => {
    const pdf = samplePdf('evidence');
    const file = (await uploadFile('staffA', '佐证材料.pdf', pdf)).json();
    const actor = await actorOf(t, user.staffA);
    await inTransaction(t.db, async (trx) => {
      await attachEvidence(trx, { taskId, fileIds: [file.id], subjectType: 'report', subjectId: 77, actor });
      await lockEvidence(trx, 'report', 77);
    });
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${file.id}`,
      headers: { cookie: cookie.sup, 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('file_in_use');
    expect(res.json().detail).toContain('佐证材料.pdf');
    expect(await snapshot()).toEqual(before);
    expect(await readFile(blobPath(sha256(pdf)))).toEqual(pdf);
  });

  it('should answer 404 for a file that does not exist', async () => {
    expect((await call('sup', 'DELETE', '/files/999999')).statusCode).toBe(404);
  });
});

describe('/settings/files', () => {
  it('should show anyone signed in the default limit of 50 MB', async () => {
    const res = await call('staffC', 'GET', '/settings/files');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: expect.any(Number), maxBytes: 52428800 });
  });

  it('should let an administrator change it, audited, with a stale version refused', async () => {
    const admin = caller(t, cookie.admin);
    const { version } = (await admin('GET', '/settings/files')).json();
    const res = await admin('PUT', '/settings/files', { version, maxBytes: 10 * 1024 * 1024 });
    expect(res.json()).toEqual({ version: version + 1, maxBytes: 10485760 });
    const stale = await admin('PUT', '/settings/files', { version, maxBytes: 2048 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.update')
      .where('object_id', '=', 'files')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ to: { maxBytes: 10485760 } });
    await admin('PUT', '/settings/files', { version: version + 1, maxBytes: 52428800 });
  });

  it('should refuse limits out of range and anyone but an administrator, changing nothing', async () => {
    const admin = caller(t, cookie.admin);
    const current = (await admin('GET', '/settings/files')).json();
    for (const maxBytes of [0, 1023, 2 * 1024 * 1024 * 1024, 1.5]) {
      const res = await admin('PUT', '/settings/files', { version: current.version, maxBytes });
      expect(res.statusCode, String(maxBytes)).toBe(400);
    }
    const staff = await caller(t, cookie.staffA)('PUT', '/settings/files', {
      version: current.version,
      maxBytes: 2048,
    });
    expect(staff.statusCode).toBe(403);
    expect((await admin('GET', '/settings/files')).json()).toEqual(current);
  });
});
