import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_REASONS } from '../shared/review-api.js';
import { ROLES, type Role } from '../shared/roles.js';
import { SUPERVISION_DEFAULTS } from '../shared/supervision-settings.js';
import { API_PREFIX } from './app.js';
import { systemActor } from './auth/actor.js';
import { storeSampleFile } from './files/file-samples.js';
import { createWebhook } from './notifications/webhooks.service.js';
import { seedEmptyPlan } from './plans/plan-fixtures.js';
import { allow, type RoutePolicy } from './policy.js';
import { seedSampleReport } from './reports/report-test-fixtures.js';
import { issueNotice } from './supervision/notices.service.js';
import { advance, makeSource, makeTask } from './test/task-fixtures.js';
import { createTestApp, type TestApp } from './test/test-app.js';

let t: TestApp;
let admin: string;
const samples = { unitId: 0, unitVersion: 0, userId: 0, userVersion: 0, taskId: 0, sourceId: 0, reportId: 0 };
/** A file on the sample task (files/file-samples.ts). */
let sampleFileId = 0;
/** A supervision notice on the sample task (supervision/notices.service.ts). */
let sampleNoticeId = 0;
/** A webhook (notifications/webhooks.service.ts). */
let sampleWebhookId = 0;
/** Issue 7's sample objects: an assessment period (computed), a rectification, a bulletin, an accountability record. */
const closing = {
  periodId: 0,
  periodTaskId: 0,
  rectificationId: 0,
  bulletinId: 0,
  recordId: 0,
  caseId: 0,
  scheduleId: 0,
};
/** The session cookie of a user holding just that role. */
const cookies = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const unit = await t.makeUnit('矩阵样本单位');
  samples.unitId = unit.id;
  samples.unitVersion = unit.version;
  samples.userId = await t.makeUser('matrix-sample', ['unit_staff'], { unitId: unit.id });
  samples.userVersion = 1;
  samples.sourceId = (await makeSource(t, { title: '矩阵样本来源' })).id;
  samples.taskId = (await makeTask(t, { title: '矩阵样本任务', leadUnitId: unit.id, sourceId: samples.sourceId })).id;
  await seedEmptyPlan(t.db, samples.taskId);
  samples.reportId = await seedSampleReport(t.db, samples.taskId);
  sampleFileId = (await storeSampleFile(t, samples.taskId)).id;
  sampleNoticeId = await t.db.transaction().execute(
    async (trx) =>
      (
        await issueNotice(trx, {
          taskId: samples.taskId,
          unitId: unit.id,
          ccUnitIds: [],
          matter: '矩阵样本督办事项',
          requirements: '矩阵样本督办要求',
          responseDue: '2099-12-31',
          actionId: null,
          actor: systemActor('test'),
          today: '2026-11-27',
        })
      ).id,
  );
  sampleWebhookId = (
    await createWebhook(t.db, {
      name: '矩阵样本机器人',
      url: 'https://example.com/hook',
      format: 'generic',
      actor: systemActor('test'),
    })
  ).id;
  for (const role of ROLES) {
    const username = `matrix-${role.replace('_', '-')}`;
    await t.makeUser(username, [role]);
    cookies.set(role, await t.login(username));
  }
  await seedClosingLoop();
});
afterAll(() => t.close());

/** Creates issue 7's samples through the API, as the supervision office would. */
async function seedClosingLoop() {
  const post = async (cookie: string | undefined, url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `${API_PREFIX}${url}`, payload, headers: { cookie } });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const open = await makeTask(t, { title: '矩阵样本考核任务', leadUnitId: samples.unitId, deadline: '2026-12-31' });
  await advance(t, open.id, ['assign']);
  const period = await post(admin, '/assessment/periods', {
    name: '矩阵样本考核期',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    selection: { taskIds: [open.id], handPickedOnly: true },
  });
  closing.periodId = period.id;
  closing.periodTaskId = open.id;
  await post(admin, `/assessment/periods/${period.id}/compute`, {});
  closing.rectificationId = (
    await post(admin, '/rectifications', {
      originType: 'other',
      title: '矩阵样本整改',
      finding: '矩阵样本问题',
      measures: '矩阵样本措施',
      leadUnitId: samples.unitId,
      deadline: '2030-12-31',
    })
  ).taskId;
  closing.bulletinId = (await post(admin, '/bulletins', { periodId: period.id })).id;
  const draftCase = await post(admin, '/cases', {
    kind: 'exemplary',
    title: '矩阵样本案例',
    summary: '矩阵样本摘要',
    writeUp: '矩阵样本正文',
  });
  closing.caseId = draftCase.id;
  const published = await post(admin, `/cases/${draftCase.id}/publish`, { version: draftCase.version });
  await post(admin, `/cases/${draftCase.id}/spread`, { unitIds: [samples.unitId], version: published.version });
  closing.recordId = (
    await post(cookies.get('supervisor'), '/accountability', {
      type: 'ineffective',
      subjectUnitId: samples.unitId,
      taskIds: [samples.taskId],
      evidence: [],
      proposal: '矩阵样本问责',
    })
  ).id;
  closing.scheduleId = (
    await post(admin, '/status-report-schedules', {
      name: '矩阵样本定时发送',
      sourceId: samples.sourceId,
      frequency: 'weekly',
      formats: ['xlsx'],
      recipientIds: [samples.userId],
      ownerId: samples.userId,
    })
  ).id;
}

/**
 * Who may call a route: `directory` is the people directory (admin, supervisor, auditor). GET
 * /users/:id belongs there because the sample user is never the caller (anyone may read themself).
 * `audit` is the audit trail (admin, auditor). `supervision` is the supervision office's work on
 * tasks and sources (supervisor, admin). `instruct` is writing leader instructions (leader, admin);
 * `unit` is answering for a unit (unit head, staff). `assessment` is reading assessment results
 * (supervisor, admin, leader, auditor); `supervisor` is the supervision office alone (accountability
 * records, which administrators as such may not see); `portfolio` is a leader's portfolio (leader,
 * supervisor, admin).
 */
type Access =
  | 'public'
  | 'signedIn'
  | 'directory'
  | 'admin'
  | 'audit'
  | 'supervision'
  | 'instruct'
  | 'unit'
  | 'assessment'
  | 'supervisor'
  | 'portfolio';

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  /** The route policy when it is wider than `access` (the service then checks the object). */
  declared?: RoutePolicy;
  body?: () => object;
  /** Query string of the sample request (without `?`). */
  query?: string;
  /** Roles allowed by the route that still may not see the sample object (404): restricted records. */
  hiddenFrom?: readonly Role[];
  /**
   * The sample object is a task: a caller outside its scope gets 404 where others get 403 or 200
   * (matrix users have no units, so only those who see every task are in scope).
   */
  scoped?: boolean;
}

/** Every API route, with a valid sample request: a route with the wrong policy would succeed. */
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/health', access: 'public' },
  { method: 'GET', path: '/openapi.json', access: 'public' },
  { method: 'POST', path: '/auth/login', access: 'public', body: () => ({ username: 'admin', password: 'x' }) },
  { method: 'POST', path: '/auth/logout', access: 'signedIn' },
  { method: 'GET', path: '/me', access: 'signedIn' },
  {
    method: 'POST',
    path: '/me/password',
    access: 'signedIn',
    body: () => ({ currentPassword: 'password-123', newPassword: 'password-456' }),
  },
  { method: 'GET', path: '/me/tokens', access: 'signedIn' },
  { method: 'POST', path: '/me/tokens', access: 'signedIn', body: () => ({ name: '矩阵令牌' }) },
  { method: 'DELETE', path: '/me/tokens/:id', access: 'signedIn' },
  { method: 'GET', path: '/units', access: 'signedIn' },
  { method: 'GET', path: '/units/:id', access: 'signedIn' },
  { method: 'POST', path: '/units', access: 'admin', body: () => ({ name: '越权新建单位' }) },
  {
    method: 'PATCH',
    path: '/units/:id',
    access: 'admin',
    body: () => ({ version: samples.unitVersion, name: '越权改名' }),
  },
  {
    method: 'POST',
    path: '/units/:id/move',
    access: 'admin',
    body: () => ({ version: samples.unitVersion, parentId: null }),
  },
  { method: 'POST', path: '/units/:id/archive', access: 'admin', body: () => ({ version: samples.unitVersion }) },
  { method: 'POST', path: '/units/:id/restore', access: 'admin', body: () => ({ version: samples.unitVersion }) },
  { method: 'GET', path: '/users', access: 'directory' },
  { method: 'GET', path: '/users/:id', access: 'directory', declared: allow.signedIn },
  {
    method: 'POST',
    path: '/users',
    access: 'admin',
    body: () => ({ username: 'sneaky', displayName: '越权', password: 'password-123', roles: ['admin'] }),
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    access: 'admin',
    body: () => ({ version: samples.userVersion, roles: ['admin'] }),
  },
  { method: 'POST', path: '/users/:id/deactivate', access: 'admin', body: () => ({ version: samples.userVersion }) },
  { method: 'POST', path: '/users/:id/activate', access: 'admin', body: () => ({ version: samples.userVersion }) },
  { method: 'POST', path: '/users/:id/reset-password', access: 'admin', body: () => ({ password: 'taken-over-1' }) },
  { method: 'GET', path: '/audit', access: 'audit' },
  { method: 'GET', path: '/audit/verify', access: 'audit' },
  { method: 'GET', path: '/calendar', access: 'signedIn' },
  { method: 'PUT', path: '/calendar/days/:date', access: 'admin', body: () => ({ kind: 'holiday', name: '越权假日' }) },
  { method: 'DELETE', path: '/calendar/days/:date', access: 'admin' },
  { method: 'PUT', path: '/calendar/years/:year', access: 'admin', body: () => ({ published: true }) },
  {
    method: 'POST',
    path: '/calendar/import',
    access: 'admin',
    body: () => ({
      ics: 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260216\nSUMMARY:越权\nEND:VEVENT\nEND:VCALENDAR',
    }),
  },
  { method: 'POST', path: '/calendar/working-days', access: 'signedIn', body: () => ({ from: '2026-02-13', days: 2 }) },
  { method: 'GET', path: '/settings/tasks', access: 'signedIn' },
  { method: 'PUT', path: '/settings/tasks', access: 'admin', body: () => ({ version: 1, acknowledgeWorkingDays: 9 }) },
  { method: 'GET', path: '/sources', access: 'signedIn' },
  { method: 'GET', path: '/sources/:id', access: 'signedIn' },
  { method: 'POST', path: '/sources', access: 'supervision', body: () => ({ kind: 'document', title: '越权来源' }) },
  { method: 'PATCH', path: '/sources/:id', access: 'supervision', body: () => ({ version: 1, title: '越权改名' }) },
  { method: 'DELETE', path: '/sources/:id', access: 'supervision' },
  { method: 'GET', path: '/tasks', access: 'signedIn' },
  { method: 'POST', path: '/tasks', access: 'supervision', body: () => ({ title: '越权立项' }) },
  { method: 'GET', path: '/tasks/:id', access: 'signedIn', scoped: true },
  {
    method: 'PATCH',
    path: '/tasks/:id',
    access: 'supervision',
    declared: allow.signedIn,
    scoped: true,
    body: () => ({ version: 1, title: '越权修改' }),
  },
  {
    method: 'DELETE',
    path: '/tasks/:id',
    access: 'supervision',
    declared: allow.signedIn,
    scoped: true,
    query: 'version=1',
  },
  {
    method: 'POST',
    path: '/tasks/:id/subtasks',
    access: 'supervision',
    declared: allow.signedIn,
    scoped: true,
    body: () => ({ version: 1, subtasks: [{ title: '越权分解' }] }),
  },
  {
    method: 'POST',
    path: '/tasks/:id/move',
    access: 'supervision',
    declared: allow.signedIn,
    scoped: true,
    body: () => ({ version: 1, parentId: null }),
  },
  { method: 'GET', path: '/tasks/:id/tree', access: 'signedIn', scoped: true },
  // Lifecycle actions, progress and parts are open to anyone signed in: the task's lifecycle rules
  // decide per relation (tasks/task-scope.test.ts and tasks/task-lifecycle.routes.test.ts).
  ...['assign', 'acknowledge', 'request-closure', 'close', 'return', 'suspend', 'resume', 'cancel', 'reopen'].map(
    (action): RouteCase => ({
      method: 'POST',
      path: `/tasks/:id/${action}`,
      access: 'signedIn',
      body: () => ({ version: 1 }),
    }),
  ),
  { method: 'PUT', path: '/tasks/:id/progress', access: 'signedIn', body: () => ({ version: 1, progress: 50 }) },
  { method: 'PUT', path: '/tasks/:id/units/:unitId/part', access: 'signedIn', body: () => ({ part: '越权分工' }) },
  {
    method: 'POST',
    path: '/tasks/bulk',
    access: 'supervision',
    body: () => ({ taskIds: [samples.taskId], operation: { kind: 'assign' } }),
  },
  { method: 'GET', path: '/inbox', access: 'signedIn' },
  // Plans: the review flow decides per task and relation (plans/plans.test.ts, plans/plan-versions.test.ts).
  { method: 'GET', path: '/tasks/:id/plan', access: 'signedIn', scoped: true },
  { method: 'PUT', path: '/tasks/:id/plan', access: 'signedIn', body: () => ({ version: 0 }) },
  { method: 'PUT', path: '/tasks/:id/plan/parts/:unitId', access: 'signedIn', body: () => ({ version: 0 }) },
  {
    method: 'POST',
    path: '/tasks/:id/plan/actions',
    access: 'signedIn',
    body: () => ({ action: 'submit', version: 1 }),
  },
  { method: 'GET', path: '/tasks/:id/plan/versions', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/tasks/:id/plan/versions/:versionNo', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/tasks/:id/plan/versions/:versionNo/diff/:otherNo', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/settings/plans', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/settings/plans',
    access: 'admin',
    body: () => ({ version: 1, requireAcceptedForKeyTasks: true }),
  },
  // Closure applications: the closure flow decides per task and relation (closure/closure.test.ts).
  { method: 'GET', path: '/tasks/:id/closure', access: 'signedIn', scoped: true },
  { method: 'PUT', path: '/tasks/:id/closure', access: 'signedIn', body: () => ({ version: 0, summary: '越权申请' }) },
  {
    method: 'POST',
    path: '/tasks/:id/closure/actions',
    access: 'signedIn',
    body: () => ({ action: 'submit', version: 1 }),
  },
  { method: 'GET', path: '/settings/closure', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/settings/closure',
    access: 'admin',
    body: () => ({ version: 1, leaderConfirmsKeyTasks: true }),
  },
  // Supervision (issue 5): the desk and urging are the supervision office's; a task's actions follow
  // the task's visibility; the ladder is read by supervisors and changed by administrators.
  { method: 'GET', path: '/supervision/desk', access: 'supervision' },
  { method: 'GET', path: '/supervision/actions', access: 'supervision' },
  { method: 'POST', path: '/supervision/urges', access: 'supervision', body: () => ({ taskIds: [samples.taskId] }) },
  { method: 'GET', path: '/tasks/:id/supervision', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/settings/supervision', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/settings/supervision',
    access: 'admin',
    body: () => ({ ...SUPERVISION_DEFAULTS, version: 1 }),
  },
  { method: 'GET', path: '/settings/ladder', access: 'supervision' },
  { method: 'PUT', path: '/settings/ladder', access: 'admin', body: () => ({ version: 1, rules: [] }) },
  // Extensions and instructions: who may file, decide or answer is per task (supervision/extensions.test.ts).
  { method: 'GET', path: '/tasks/:id/extensions', access: 'signedIn', scoped: true },
  {
    method: 'POST',
    path: '/tasks/:id/extensions',
    access: 'signedIn',
    body: () => ({ reason: '越权延期', progress: 10, proposedDeadline: '2099-12-31' }),
  },
  { method: 'POST', path: '/extensions/:id/approve', access: 'signedIn', body: () => ({ version: 1 }) },
  { method: 'POST', path: '/extensions/:id/reject', access: 'signedIn', body: () => ({ version: 1, comment: '越权' }) },
  { method: 'POST', path: '/extensions/:id/withdraw', access: 'signedIn', body: () => ({ version: 1 }) },
  { method: 'GET', path: '/extensions', access: 'signedIn' },
  { method: 'GET', path: '/tasks/:id/instructions', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/instructions', access: 'signedIn' },
  {
    method: 'POST',
    path: '/instructions',
    access: 'instruct',
    body: () => ({ taskIds: [samples.taskId], body: '越权批示', respondBy: '2099-12-31' }),
  },
  {
    method: 'POST',
    path: '/instructions/:id/tasks/:taskId/respond',
    access: 'signedIn',
    body: () => ({ response: '越权答复' }),
  },
  // Coordination requests: each side's steps are checked per request (supervision/coordination.test.ts).
  { method: 'GET', path: '/tasks/:id/coordination', access: 'signedIn', scoped: true },
  {
    method: 'POST',
    path: '/tasks/:id/coordination',
    access: 'signedIn',
    body: () => ({ toUnitId: samples.unitId, matter: '越权协调', dueDate: '2099-12-31' }),
  },
  ...(['accept', 'decline', 'pass-on', 'fulfil', 'withdraw', 'resend', 'resolve'] as const).map((step) => ({
    method: 'POST' as const,
    path: `/coordination/:id/${step}`,
    access: 'signedIn' as const,
    body: () => ({
      version: 1,
      commitmentDate: '2099-12-31',
      reason: '越权',
      response: '越权',
      toUnitId: samples.unitId,
    }),
  })),
  { method: 'GET', path: '/coordination', access: 'signedIn' },
  { method: 'GET', path: '/coordination/stats', access: 'signedIn' },
  { method: 'GET', path: '/coordination/targets', access: 'signedIn' },
  // Supervision notices (督办单): issued and reviewed by the supervision office, answered by the unit
  // addressed, read by whoever sees the task (supervision/notices.test.ts).
  { method: 'POST', path: '/notices', access: 'supervision', body: () => ({ taskIds: [samples.taskId] }) },
  { method: 'GET', path: '/notices', access: 'signedIn' },
  { method: 'GET', path: '/notices/:id', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/notices/:id/docx', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/notices/:id/pdf', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/tasks/:id/notices', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/tasks/:id/notice-draft', access: 'supervision' },
  { method: 'POST', path: '/notices/:id/respond', access: 'unit', body: () => ({ response: '越权答复', version: 1 }) },
  { method: 'POST', path: '/notices/:id/accept', access: 'supervision', body: () => ({ version: 1 }) },
  { method: 'POST', path: '/notices/:id/return', access: 'supervision', body: () => ({ version: 1, reason: '越权' }) },
  // Notification channels: each person's own preferences; webhooks and the delivery log (admins;
  // supervisors may read the webhooks).
  { method: 'GET', path: '/me/notification-prefs', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/me/notification-prefs',
    access: 'signedIn',
    body: () => ({ locale: null, emailEnabled: true, digestEnabled: true, mutedKinds: [], version: 0 }),
  },
  { method: 'GET', path: '/me/digest-preview', access: 'signedIn' },
  { method: 'GET', path: '/webhooks', access: 'supervision' },
  { method: 'GET', path: '/webhooks/:id', access: 'supervision' },
  {
    method: 'POST',
    path: '/webhooks',
    access: 'admin',
    body: () => ({ name: '越权', url: 'https://example.com/h', format: 'generic' }),
  },
  { method: 'PATCH', path: '/webhooks/:id', access: 'admin', body: () => ({ version: 1, enabled: false }) },
  { method: 'DELETE', path: '/webhooks/:id', access: 'admin', query: 'version=1' },
  { method: 'POST', path: '/webhooks/:id/test', access: 'admin' },
  { method: 'GET', path: '/webhooks/:id/deliveries', access: 'admin' },
  { method: 'GET', path: '/deliveries', access: 'admin' },
  // Notifications: each person's own inbox.
  { method: 'GET', path: '/notifications', access: 'signedIn' },
  { method: 'GET', path: '/notifications/unread-count', access: 'signedIn' },
  { method: 'POST', path: '/notifications/read', access: 'signedIn', body: () => ({ all: true }) },
  // The review queue: what waits for the caller's decision (empty for those who decide nothing).
  { method: 'GET', path: '/reviews', access: 'signedIn' },
  // Reports: who may write or decide is per task, unit and review step (reports/reports-flow.test.ts).
  { method: 'GET', path: '/tasks/:id/reports', access: 'signedIn', scoped: true },
  { method: 'POST', path: '/tasks/:id/reports', access: 'signedIn', body: () => ({ periodId: 1 }) },
  {
    method: 'PUT',
    path: '/tasks/:id/report-cycle',
    access: 'supervision',
    body: () => ({ version: 0, kind: 'weekly' }),
  },
  { method: 'GET', path: '/reports/review-queue', access: 'supervision' },
  { method: 'GET', path: '/reports/:id', access: 'signedIn', scoped: true },
  { method: 'PUT', path: '/reports/:id', access: 'signedIn', body: () => ({ version: 1, doneText: '越权修改' }) },
  { method: 'POST', path: '/reports/:id/actions', access: 'signedIn', body: () => ({ action: 'accept', version: 1 }) },
  { method: 'GET', path: '/reports/:id/compare/:otherId', access: 'signedIn', scoped: true },
  { method: 'GET', path: '/settings/reports', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/settings/reports',
    access: 'admin',
    body: () => ({ version: 1, defaultCycle: 'weekly', dueWorkingDays: 5, stalledCycles: 3 }),
  },
  // Evidence files: upload and delete are decided per task relation and uploader (files/files.test.ts).
  { method: 'GET', path: '/tasks/:id/files', access: 'signedIn', scoped: true },
  { method: 'POST', path: '/tasks/:id/files', access: 'signedIn' },
  { method: 'GET', path: '/files/:id/content', access: 'signedIn', scoped: true },
  { method: 'DELETE', path: '/files/:id', access: 'signedIn' },
  { method: 'GET', path: '/settings/files', access: 'signedIn' },
  { method: 'PUT', path: '/settings/files', access: 'admin', body: () => ({ version: 1, maxBytes: 2048 }) },
  // The 任务分解表 (imports/spreadsheet.test.ts, spreadsheet-export.test.ts): anyone may take the
  // template and export what their scope shows; importing (multipart .xlsx) is the supervision office's.
  { method: 'GET', path: '/imports/spreadsheet/template', access: 'signedIn', query: 'lang=en' },
  { method: 'POST', path: '/imports/spreadsheet', access: 'supervision', query: 'assign=false' },
  { method: 'GET', path: '/tasks/export.xlsx', access: 'signedIn', query: 'status=draft,assigned&sort=deadline' },
  { method: 'GET', path: '/tasks/export.csv', access: 'signedIn', query: 'isKey=false' },
  // Document import (imports/document-import.test.ts): parse writes nothing; register writes a source and tasks.
  { method: 'POST', path: '/imports/document/parse', access: 'supervision', body: () => ({ text: '一、越权解析' }) },
  {
    method: 'POST',
    path: '/imports/document/register',
    access: 'supervision',
    body: () => ({
      source: { kind: 'document', title: '越权导入' },
      contentHash: '0'.repeat(64),
      mode: 'draft',
      items: [{ title: '越权事项', leadUnitId: null, cooperatingUnitIds: [], deadline: null }],
    }),
  },
  // Issue 7: assessment (assessment/*.test.ts), rectification, cases, bulletins, accountability.
  { method: 'GET', path: '/assessment/periods', access: 'assessment' },
  {
    method: 'POST',
    path: '/assessment/periods',
    access: 'supervision',
    body: () => ({ name: '越权考核期', startsOn: '2026-01-01', endsOn: '2026-12-31', selection: {} }),
  },
  { method: 'GET', path: '/assessment/periods/:id', access: 'assessment' },
  {
    method: 'PATCH',
    path: '/assessment/periods/:id',
    access: 'supervision',
    body: () => ({ version: 1, name: '越权改名' }),
  },
  { method: 'DELETE', path: '/assessment/periods/:id', access: 'supervision' },
  { method: 'POST', path: '/assessment/periods/:id/compute', access: 'supervision' },
  { method: 'POST', path: '/assessment/periods/:id/freeze', access: 'supervision', body: () => ({ version: 1 }) },
  { method: 'GET', path: '/assessment/periods/:id/results', access: 'assessment', query: 'role=lead' },
  { method: 'GET', path: '/assessment/periods/:id/units/:unitId/points', access: 'assessment', query: 'role=lead' },
  { method: 'GET', path: '/assessment/trend', access: 'assessment' },
  {
    method: 'PUT',
    path: '/assessment/periods/:id/ratings',
    access: 'supervision',
    // Leaders rate the units in their charge (the service checks which); matrix leaders have none.
    declared: allow.roles('supervisor', 'admin', 'leader'),
    body: () => ({ taskId: closing.periodTaskId, unitId: samples.unitId, rating: 4, comment: '越权评价' }),
  },
  { method: 'GET', path: '/assessment/periods/:id/ratings', access: 'assessment' },
  { method: 'GET', path: '/assessment/periods/:id/review', access: 'assessment' },
  { method: 'GET', path: '/assessment/periods/:id/review/summary', access: 'assessment' },
  {
    method: 'PUT',
    path: '/assessment/periods/:id/review/:taskId',
    access: 'supervision',
    body: () => ({ reasonCode: 'funding', explanation: '越权原因', version: 0 }),
  },
  { method: 'GET', path: '/review-reasons', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/review-reasons',
    access: 'supervision',
    body: () => ({ reasons: DEFAULT_REVIEW_REASONS, version: 1 }),
  },
  {
    method: 'POST',
    path: '/rectifications',
    access: 'supervision',
    body: () => ({
      originType: 'other',
      title: '越权整改',
      finding: '越权问题',
      measures: '越权措施',
      leadUnitId: samples.unitId,
      deadline: '2030-12-31',
    }),
  },
  { method: 'GET', path: '/rectifications', access: 'signedIn' },
  { method: 'GET', path: '/rectifications/:taskId', access: 'signedIn', scoped: true },
  {
    method: 'POST',
    path: '/cases',
    access: 'supervision',
    body: () => ({ kind: 'exemplary', title: '越权案例', summary: '越权摘要', writeUp: '越权正文' }),
  },
  { method: 'GET', path: '/cases', access: 'signedIn' },
  { method: 'GET', path: '/cases/:id', access: 'signedIn' },
  { method: 'PATCH', path: '/cases/:id', access: 'supervision', body: () => ({ title: '越权改名', version: 1 }) },
  { method: 'POST', path: '/cases/:id/publish', access: 'supervision', body: () => ({ version: 1 }) },
  { method: 'POST', path: '/cases/:id/archive', access: 'supervision', body: () => ({ version: 1 }) },
  {
    method: 'POST',
    path: '/cases/:id/spread',
    access: 'supervision',
    body: () => ({ unitIds: [samples.unitId], version: 1 }),
  },
  { method: 'GET', path: '/cases/:id/adoptions', access: 'signedIn' },
  {
    method: 'PUT',
    path: '/cases/:id/adoptions/:unitId',
    // A unit answers for itself (matrix unit people have no unit: another unit's row, 403); the
    // supervision office may record any unit's answer.
    access: 'supervision',
    declared: allow.roles('unit_head', 'unit_staff', 'supervisor', 'admin'),
    body: () => ({ status: 'adopted', note: '越权采纳', version: 1 }),
  },
  { method: 'POST', path: '/bulletins', access: 'supervision', body: () => ({ asOf: '2026-01-05' }) },
  { method: 'GET', path: '/bulletins', access: 'signedIn' },
  // A draft bulletin: the supervision office, leaders and auditors see it; units only once issued to them.
  { method: 'GET', path: '/bulletins/:id', access: 'signedIn', hiddenFrom: ['unit_head', 'unit_staff'] },
  { method: 'PATCH', path: '/bulletins/:id', access: 'supervision', body: () => ({ title: '越权改题', version: 1 }) },
  { method: 'POST', path: '/bulletins/:id/regenerate', access: 'supervision', body: () => ({ version: 1 }) },
  { method: 'POST', path: '/bulletins/:id/issue', access: 'supervision', body: () => ({ version: 1 }) },
  { method: 'POST', path: '/bulletins/:id/read', access: 'signedIn' },
  {
    method: 'GET',
    path: '/bulletins/:id/document.docx',
    access: 'signedIn',
    hiddenFrom: ['unit_head', 'unit_staff'],
  },
  { method: 'GET', path: '/bulletins/:id/document.pdf', access: 'signedIn', hiddenFrom: ['unit_head', 'unit_staff'] },
  {
    method: 'POST',
    path: '/accountability',
    access: 'supervisor',
    body: () => ({
      type: 'ineffective',
      subjectUnitId: samples.unitId,
      taskIds: [samples.taskId],
      proposal: '越权问责',
    }),
  },
  { method: 'GET', path: '/accountability', access: 'signedIn' },
  { method: 'GET', path: '/accountability/evidence-candidates', access: 'supervision', query: 'taskId=1' },
  // Only supervisors, auditors, the subject's leaders and the subject see a record (not administrators).
  {
    method: 'GET',
    path: '/accountability/:id',
    access: 'signedIn',
    hiddenFrom: ['admin', 'leader', 'unit_head', 'unit_staff'],
  },
  {
    method: 'POST',
    path: '/accountability/:id/open',
    access: 'supervisor',
    body: () => ({ statementDue: '2099-12-31', version: 1 }),
  },
  {
    method: 'POST',
    path: '/accountability/:id/statement',
    access: 'unit',
    declared: allow.signedIn,
    scoped: true,
    body: () => ({ statement: '越权说明', version: 1 }),
  },
  {
    method: 'POST',
    path: '/accountability/:id/decide',
    access: 'supervisor',
    body: () => ({ decision: 'talk', version: 1 }),
  },
  {
    method: 'POST',
    path: '/accountability/:id/dismiss',
    access: 'supervisor',
    body: () => ({ reason: '越权撤销', version: 1 }),
  },
  {
    method: 'POST',
    path: '/accountability/:id/evidence',
    access: 'supervisor',
    body: () => ({ items: [{ refType: 'event', refId: 1 }], version: 1 }),
  },
  { method: 'GET', path: '/portfolio', access: 'portfolio' },
  { method: 'GET', path: '/cockpit', access: 'assessment' },
  // Issue 8: implementation reports (status-reports/*.test.ts). The report is scoped by the caller's
  // task scope, so every signed-in role may read it (sourceId=1 is samples.sourceId, the first source).
  { method: 'GET', path: '/status-reports', access: 'signedIn', query: 'sourceId=1' },
  { method: 'GET', path: '/status-reports/document.docx', access: 'signedIn', query: 'sourceId=1' },
  { method: 'GET', path: '/status-reports/document.pdf', access: 'signedIn', query: 'sourceId=1' },
  { method: 'GET', path: '/status-reports/document.xlsx', access: 'signedIn', query: 'sourceId=1' },
  { method: 'GET', path: '/status-report-schedules', access: 'supervision' },
  {
    method: 'POST',
    path: '/status-report-schedules',
    access: 'supervision',
    body: () => ({
      name: '越权定时',
      sourceId: samples.sourceId,
      frequency: 'weekly',
      formats: ['xlsx'],
      recipientIds: [samples.userId],
      ownerId: samples.userId,
    }),
  },
  { method: 'GET', path: '/status-report-schedules/:id', access: 'supervision' },
  {
    method: 'PATCH',
    path: '/status-report-schedules/:id',
    access: 'supervision',
    body: () => ({ name: '越权改名', version: 1 }),
  },
  { method: 'DELETE', path: '/status-report-schedules/:id', access: 'supervision', query: 'version=1' },
  { method: 'POST', path: '/status-report-schedules/:id/send', access: 'supervision' },
  // Issue 8 item 4: the public accountability page (public/*.test.ts). The sample task is not public,
  // so everyone (signed in or not) gets 404 on the public task itself.
  { method: 'GET', path: '/public/tasks', access: 'public' },
  { method: 'GET', path: '/public/tasks/:id', access: 'public', hiddenFrom: ROLES },
  { method: 'POST', path: '/public/tasks/:id/ratings', access: 'public', body: () => ({ rating: 5 }) },
  {
    method: 'POST',
    path: '/tasks/:id/public',
    access: 'supervision',
    body: () => ({ isPublic: true, includeSubtasks: false, version: 1 }),
  },
  { method: 'GET', path: '/public-ratings', access: 'supervision' },
  {
    method: 'POST',
    path: '/public-ratings/:id/moderate',
    access: 'supervision',
    body: () => ({ status: 'approved', version: 1 }),
  },
];

const DECLARED: Record<Access, RoutePolicy> = {
  public: allow.public,
  signedIn: allow.signedIn,
  directory: allow.roles('admin', 'supervisor', 'auditor'),
  admin: allow.roles('admin'),
  audit: allow.roles('admin', 'auditor'),
  supervision: allow.roles('supervisor', 'admin'),
  instruct: allow.roles('leader', 'admin'),
  unit: allow.roles('unit_head', 'unit_staff'),
  assessment: allow.roles('supervisor', 'admin', 'leader', 'auditor'),
  supervisor: allow.roles('supervisor'),
  portfolio: allow.roles('leader', 'supervisor', 'admin'),
};

function isAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  if (access === 'admin') return roles.includes('admin');
  if (access === 'audit') return roles.includes('admin') || roles.includes('auditor');
  if (access === 'supervision') return roles.includes('admin') || roles.includes('supervisor');
  if (access === 'instruct') return roles.includes('admin') || roles.includes('leader');
  if (access === 'unit') return roles.includes('unit_head') || roles.includes('unit_staff');
  if (access === 'assessment') return roles.some((role) => role !== 'unit_head' && role !== 'unit_staff');
  if (access === 'supervisor') return roles.includes('supervisor');
  if (access === 'portfolio')
    return roles.some((role) => role === 'leader' || role === 'supervisor' || role === 'admin');
  return roles.some((role) => role === 'admin' || role === 'supervisor' || role === 'auditor');
}

function sampleUrl(route: RouteCase): string {
  const ids: Record<string, number> = {
    users: samples.userId,
    units: samples.unitId,
    tasks: samples.taskId,
    sources: samples.sourceId,
    reports: samples.reportId,
    files: sampleFileId,
    webhooks: sampleWebhookId,
    notices: sampleNoticeId,
    assessment: closing.periodId,
    cases: closing.caseId,
    bulletins: closing.bulletinId,
    'status-report-schedules': closing.scheduleId,
    accountability: closing.recordId,
  };
  const id = ids[route.path.split('/')[1] ?? ''] ?? 1;
  const path = route.path
    .replace(':date', '2026-02-16')
    .replace(':year', '2027')
    .replace(':unitId', String(samples.unitId))
    .replace(':versionNo', '1')
    .replace(':otherNo', '1')
    .replace(':otherId', String(samples.reportId))
    .replace(':taskId', String(sampleTaskIdFor(route.path)));
  return `${API_PREFIX}${path.replace(':id', String(id))}${route.query ? `?${route.query}` : ''}`;
}

/** The task a `:taskId` route acts on: the sample rectification, the period's task, or the sample task. */
function sampleTaskIdFor(path: string): number {
  if (path.startsWith('/rectifications/')) return closing.rectificationId;
  if (path.startsWith('/assessment/')) return closing.periodTaskId;
  return samples.taskId;
}

/** Whether a role sees every task (and so is in the scope of the sample task). */
function seesAllTasks(role: Role): boolean {
  return role === 'admin' || role === 'supervisor' || role === 'auditor';
}

function send(route: RouteCase, cookie?: string) {
  const options: InjectOptions = { method: route.method, url: sampleUrl(route), headers: cookie ? { cookie } : {} };
  if (route.body) options.payload = route.body();
  return t.app.inject(options);
}

/** Every row a refused request could have touched. */
async function snapshot() {
  const [units, users, roles, leaders, tokens, sessions, audit] = await Promise.all([
    t.db.selectFrom('units').selectAll().orderBy('id').execute(),
    t.db.selectFrom('users').selectAll().orderBy('id').execute(),
    t.db.selectFrom('user_roles').selectAll().orderBy('user_id').orderBy('role').execute(),
    t.db.selectFrom('leader_units').selectAll().orderBy('user_id').orderBy('unit_id').execute(),
    t.db.selectFrom('api_tokens').selectAll().orderBy('id').execute(),
    t.db.selectFrom('sessions').select(['id_hash', 'user_id']).orderBy('id_hash').execute(),
    t.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  ]);
  return { units, users, roles, leaders, tokens, sessions, audit };
}

/** The catalogue's API routes as `METHOD /path` (without the prefix), leaving out HEAD and hidden ones. */
function catalogueApiRoutes(): string[] {
  return t.app.routeCatalogue
    .filter((r) => r.url.startsWith(`${API_PREFIX}/`) && r.method !== 'HEAD' && !r.hidden)
    .map((r) => `${r.method} ${r.url.slice(API_PREFIX.length)}`);
}

describe('route catalogue', () => {
  it('should give every route a policy, plugin routes included', () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(20);
    const withoutPolicy = t.app.routeCatalogue.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(withoutPolicy).toEqual([]);
  });

  it('should give every visible API route request and response schemas', () => {
    const api = t.app.routeCatalogue.filter((r) => r.url.startsWith(`${API_PREFIX}/`) && !r.hidden);
    expect(api.length).toBeGreaterThan(15);
    expect(api.filter((r) => !r.hasSchema).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('should have the role matrix below list exactly the API routes', () => {
    const listed = ROUTES.filter((r) => r.path !== '/openapi.json').map((r) => `${r.method} ${r.path}`);
    expect([...catalogueApiRoutes()].sort()).toEqual([...listed].sort());
  });
});

describe('role matrix', () => {
  it('should find on each route the policy the matrix expects', () => {
    for (const route of ROUTES) {
      const entry = t.app.routeCatalogue.find(
        (r) => r.method === route.method && r.url === `${API_PREFIX}${route.path}`,
      );
      expect(entry?.policy, `${route.method} ${route.path}`).toEqual(route.declared ?? DECLARED[route.access]);
    }
  });

  it('should answer anonymous callers 401 on every route that is not public', async () => {
    const closed = t.app.routeCatalogue.filter((r) => r.url.startsWith(API_PREFIX) && r.policy?.kind !== 'public');
    expect(closed.length).toBeGreaterThan(20);
    const before = await snapshot();
    for (const route of closed) {
      const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(':id', '1') });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') expect(res.json().code).toBe('unauthenticated');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('should let anonymous callers reach the public routes', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${API_PREFIX}/health` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/auth/login`,
      payload: { username: 'nobody', password: 'x' },
    });
    expect(login.json().code).toBe('invalid_credentials');
  });

  it.each(ROLES.filter((role) => role !== 'admin'))(
    'should refuse a %s user with 403 wherever the role is not allowed and change nothing',
    async (role) => {
      const cookie = cookies.get(role);
      const refused = ROUTES.filter((route) => !isAllowed(route.access, [role]));
      expect(refused.length).toBeGreaterThan(0);
      const before = await snapshot();
      for (const route of refused) {
        const res = await send(route, cookie);
        const hidden = route.scoped && !seesAllTasks(role);
        expect(res.statusCode, `${role} ${route.method} ${route.path}`).toBe(hidden ? 404 : 403);
        expect(res.json().code).toBe(hidden ? 'not_found' : 'forbidden');
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(ROLES)('should let a %s user read every route the role may read', async (role) => {
    const cookie = cookies.get(role);
    for (const route of ROUTES.filter((r) => r.method === 'GET' && isAllowed(r.access, [role]))) {
      const res = await send(route, cookie);
      const hidden = (route.scoped && !seesAllTasks(role)) || route.hiddenFrom?.includes(role);
      expect(res.statusCode, `${role} GET ${route.path}`).toBe(hidden ? 404 : 200);
    }
  });

  it('should refuse a unit_staff user the people directory but show them their own record', async () => {
    const id = await t.makeUser('matrix-self', ['unit_staff']);
    const cookie = await t.login('matrix-self');
    const list = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/users`, headers: { cookie } });
    expect(list.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/users/${id}`, headers: { cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json().username).toBe('matrix-self');
  });
});

describe('OpenAPI', () => {
  it('should describe every visible API route in an OpenAPI 3 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Luoshi API', version: expect.any(String) });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    for (const entry of catalogueApiRoutes()) {
      const [method = '', path = ''] = entry.split(' ');
      const openApiPath = `${API_PREFIX}${path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[openApiPath]?.[method.toLowerCase()], entry).toBeDefined();
    }
    expect(doc.paths[`${API_PREFIX}/openapi.json`]).toBeUndefined();
  });

  it('should document request bodies and problem answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` })).json();
    const createUnit = doc.paths[`${API_PREFIX}/units`].post;
    expect(createUnit.requestBody.content['application/json'].schema.properties.name).toBeDefined();
    expect(Object.keys(createUnit.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
  });

  it('should serve the API docs as HTML', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/<html/i);
  });
});

describe('HTTP basics', () => {
  it('should answer an unknown API route with 404 problem+json route_not_found', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: `${API_PREFIX}/no-such-thing?x=1`, headers: { cookie: admin } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'route_not_found' });
      expect(res.json().detail).toContain(`${method} ${API_PREFIX}/no-such-thing`);
    }
  });

  it('should answer a malformed URL with 400 problem+json', async () => {
    for (const url of [`${API_PREFIX}/units/%E0%A4%A`, '/%zz']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('should send security headers on API answers and pages', async () => {
    for (const url of [`${API_PREFIX}/health`, `${API_PREFIX}/no-such-thing`, '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('should keep a sane x-request-id from a proxy and replace an unsafe one', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'lb-7f3a.42' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
    const unsafe = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': `evil\u0000${'x'.repeat(200)}` },
    });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.json().requestId).toBe(unsafe.headers['x-request-id']);
  });

  it('should put a request id on every answer, the same as in problem bodies', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/health` });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/me` });
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused.json().requestId).toBe(refused.headers['x-request-id']);
    expect(refused.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });

  it('should report the database in the health check', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${API_PREFIX}/health` });
    expect(res.json()).toEqual({ status: 'ok', database: t.dialect, version: expect.any(String) });
  });
});

describe('body limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ LUOSHI_BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => small.close());

  it('should refuse a body over the limit with 413 payload_too_large and change nothing', async () => {
    const cookie = await small.login('admin');
    const count = async () => (await small.db.selectFrom('units').select('id').execute()).length;
    const before = await count();
    const res = await small.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/units`,
      payload: { name: '大'.repeat(50), aliases: ['别名'.repeat(40), 'x'.repeat(2000)] },
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('payload_too_large');
    expect(res.json().detail).toContain('2048 bytes');
    expect(await count()).toBe(before);
  });

  it('should accept a body under the limit', async () => {
    const cookie = await small.login('admin');
    const res = await small.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/units`,
      payload: { name: '小'.repeat(50) },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(201);
  });
});
