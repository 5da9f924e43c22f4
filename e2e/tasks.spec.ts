import { type APIRequestContext, expect, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import type { Unit } from '../src/web/api/types.js';
import { E2E_BASE_URL } from './e2e-env.mjs';
import {
  adminApi,
  apiHeaders,
  fill,
  pickTreeOption,
  signIn,
  signOut,
  text,
  typeDate,
  uniqueSuffix,
} from './support.js';

const t = text['zh-CN'];
const password = 'tasks-pass-123';

/** A date the deadline picker accepts, safely in the future. */
const deadline = `${new Date().getFullYear() + 1}-06-30`;

const s = uniqueSuffix();
const people = {
  supervisor: { username: `dcs${s}`, displayName: `督查员${s}` },
  leadStaff: { username: `fgw${s}`, displayName: `发改经办${s}` },
  leadHead: { username: `fgwfz${s}`, displayName: `发改负责人${s}` },
  otherStaff: { username: `jyj${s}`, displayName: `教育经办${s}` },
};
let leadUnit: Unit;

test.beforeAll(async ({ request }) => {
  const api = await adminApi(request);
  const city = await api.createUnit({ name: `江川市人民政府${s}` });
  const office = await api.createUnit({ name: `市政府督查室${s}`, parentId: city.id });
  leadUnit = await api.createUnit({ name: `市发展和改革委员会${s}`, shortName: `市发改委${s}`, parentId: city.id });
  const other = await api.createUnit({ name: `市教育局${s}`, parentId: city.id });
  await api.createUser({ ...people.supervisor, password, unitId: office.id, roles: ['supervisor'] });
  await api.createUser({ ...people.leadStaff, password, unitId: leadUnit.id, roles: ['unit_staff'] });
  await api.createUser({ ...people.leadHead, password, unitId: leadUnit.id, roles: ['unit_head'] });
  await api.createUser({ ...people.otherStaff, password, unitId: other.id, roles: ['unit_staff'] });
});

/** Calls the API as whoever `request` is signed in as; fails with the answer when it is not 2xx. */
async function call<T = unknown>(
  request: APIRequestContext,
  method: 'get' | 'post' | 'put',
  url: string,
  data?: unknown,
) {
  const response = await request[method](`/api/v1${url}`, { data, headers: apiHeaders });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test('a key task is registered, decomposed and assigned, acknowledged by its lead unit, and hidden from others', async ({
  page,
}) => {
  const title = `优化营商环境，企业开办时间压缩至1个工作日${s}`;
  const subtasks = [`推行企业开办“一网通办”${s}`, `压减开办环节至2个${s}`, `免费刻制公章${s}`];
  const nav = page.getByRole('navigation', { name: t.nav.mainNavigation });
  const dialog = page.getByRole('dialog');
  let taskPath = '';

  await test.step('the supervisor registers a key task', async () => {
    await signIn(page, people.supervisor.username, password);
    await nav.getByRole('link', { name: t.nav.tasks }).click();
    await expect(page.getByRole('heading', { name: t.tasks.title })).toBeVisible();
    await page.getByRole('button', { name: t.tasks.register }).first().click();
    await expect(page.getByRole('heading', { name: t.tasks.registerTitle })).toBeVisible();

    await page.getByLabel(t.tasks.fields.title, { exact: true }).fill(title);
    await page.getByRole('switch', { name: t.tasks.fields.isKey }).click();
    const leadUnitPicker = page.getByLabel(t.tasks.fields.leadUnit, { exact: true });
    await leadUnitPicker.click();
    await leadUnitPicker.fill(leadUnit.name);
    await pickTreeOption(page, leadUnit.name);
    await typeDate(page.getByLabel(t.tasks.fields.deadline, { exact: true }), deadline);
    await page.getByRole('button', { name: t.tasks.registerSubmit }).click();

    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    taskPath = new URL(page.url()).pathname;
    const header = page.getByRole('main');
    await expect(header.getByText(t.tasks.status.draft).first()).toBeVisible();
    await expect(header.getByText(t.tasks.keyTask).first()).toBeVisible();
  });

  await test.step('it is decomposed into three subtasks at once', async () => {
    await page.getByRole('button', { name: t.common.more }).click();
    await page.getByRole('menuitem', { name: t.tasks.decompose.button }).click();
    for (const [index, subtask] of subtasks.entries()) {
      await dialog.getByLabel(fill(t.tasks.decompose.titleN, { n: index + 1 })).fill(subtask);
    }
    await dialog.getByRole('button', { name: t.tasks.decompose.submit }).click();
    await expect(page.getByText(fill(t.tasks.decompose.done, { count: 3 }))).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: fill(t.tasks.tabs.subtasks, { count: 3 }) })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    for (const subtask of subtasks) await expect(page.getByRole('link', { name: subtask })).toBeVisible();
  });

  await test.step('it is assigned', async () => {
    await page.getByRole('button', { name: t.tasks.actions.assign, exact: true }).click();
    await dialog.getByRole('button', { name: t.tasks.actions.assign, exact: true }).click();
    await expect(page.getByRole('main').getByText(t.tasks.status.assigned).first()).toBeVisible();
    await signOut(page);
  });

  await test.step("the lead unit's staff finds it in the inbox and acknowledges it", async () => {
    await signIn(page, people.leadStaff.username, password);
    await nav.getByRole('link', { name: t.nav.inbox }).click();
    await expect(page.getByRole('heading', { name: t.inbox.title })).toBeVisible();
    const toAcknowledge = page.getByRole('region', { name: t.inbox.sections.toAcknowledge.title });
    await expect(toAcknowledge.getByRole('link', { name: title })).toBeVisible();
    await toAcknowledge.getByRole('button', { name: fill(t.inbox.acknowledgeTask, { title }) }).click();
    await expect(page.getByText(fill(t.inbox.acknowledged, { title }))).toBeVisible();
    await expect(toAcknowledge.getByRole('link', { name: title })).toHaveCount(0);

    await page.goto(taskPath);
    await expect(page.getByRole('main').getByText(t.tasks.status.in_progress).first()).toBeVisible();
    await page.getByRole('tab', { name: fill(t.tasks.tabs.units, { count: 1 }) }).click();
    const units = page.getByRole('tabpanel');
    await expect(units).toContainText(people.leadStaff.displayName);
    await expect(units.getByText(t.tasks.units.notAcknowledged)).toHaveCount(0);
    await signOut(page);
  });

  await test.step('a staff member of an unrelated unit cannot find it', async () => {
    await signIn(page, people.otherStaff.username, password);
    await nav.getByRole('link', { name: t.nav.tasks }).click();
    await expect(page.getByText(t.tasks.emptyTitle)).toBeVisible();
    await page.getByRole('textbox', { name: t.tasks.filters.search }).fill(title.slice(0, 8));
    await expect(page.getByText(t.tasks.emptyFiltered)).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);

    await page.goto(taskPath);
    await expect(page.getByText(t.tasks.notFoundTitle)).toBeVisible();
    await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  });
});

test('a return needs a reason, and the lead unit finds the returned task in its inbox', async ({
  page,
  playwright,
}) => {
  const title = `完成老旧小区改造${uniqueSuffix()}`;
  const supervisorApi = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  const staffApi = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  const headApi = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  await call(supervisorApi, 'post', '/auth/login', { username: people.supervisor.username, password });
  await call(staffApi, 'post', '/auth/login', { username: people.leadStaff.username, password });
  await call(headApi, 'post', '/auth/login', { username: people.leadHead.username, password });
  const created = await call<TaskDetail>(supervisorApi, 'post', '/tasks', { title, leadUnitId: leadUnit.id, deadline });
  await call(supervisorApi, 'post', `/tasks/${created.id}/assign`, { version: created.version });
  const assigned = await call<TaskDetail>(staffApi, 'get', `/tasks/${created.id}`);
  const acknowledged = await call<TaskDetail>(staffApi, 'post', `/tasks/${created.id}/acknowledge`, {
    version: assigned.version,
  });

  await test.step('the lead unit asks to close (its progress goes through reviewed reports, not by hand)', async () => {
    await signIn(page, people.leadStaff.username, password);
    await page.goto(`/tasks/${acknowledged.id}`);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: t.tasks.progressEditor.exact })).toHaveCount(0);
    // Closure goes through the closure application (no screen for it yet): staff applies, head approves.
    await call(staffApi, 'put', `/tasks/${acknowledged.id}/closure`, { version: 0, summary: '改造任务已全部完成' });
    await call(staffApi, 'post', `/tasks/${acknowledged.id}/closure/actions`, { action: 'submit', version: 1 });
    await call(headApi, 'post', `/tasks/${acknowledged.id}/closure/actions`, { action: 'approve', version: 2 });
    await page.reload();
    await expect(page.getByRole('main').getByText(t.tasks.status.closure_requested).first()).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervisor returns it, and must say why', async () => {
    await signIn(page, people.supervisor.username, password);
    await page.getByRole('navigation', { name: t.nav.mainNavigation }).getByRole('link', { name: t.nav.inbox }).click();
    const closureRequests = page.getByRole('region', { name: t.inbox.sections.closureRequests.title });
    await closureRequests.getByRole('link', { name: title }).click();
    // Returned through the closure application: without a reason it is refused.
    const actions = `/api/v1/tasks/${acknowledged.id}/closure/actions`;
    const unexplained = await supervisorApi.post(actions, {
      data: { action: 'return', version: 3 },
      headers: apiHeaders,
    });
    expect(unexplained.status()).toBe(422);
    expect((await unexplained.json()).code).toBe('reason_required');
    await call(supervisorApi, 'post', `/tasks/${acknowledged.id}/closure/actions`, {
      action: 'return',
      version: 3,
      reason: '缺少验收材料，请补充后再申请办结。',
    });
    await page.reload();
    await expect(page.getByRole('main').getByText(t.tasks.status.returned).first()).toBeVisible();
    await page.getByRole('tab', { name: t.tasks.tabs.history }).click();
    await expect(page.getByRole('tabpanel')).toContainText('缺少验收材料');
    await signOut(page);
  });

  await test.step('the lead unit sees it under "returned"', async () => {
    await signIn(page, people.leadStaff.username, password);
    await page.goto('/inbox');
    const returned = page.getByRole('region', { name: t.inbox.sections.returned.title });
    await expect(returned.getByRole('link', { name: title })).toBeVisible();
  });
  await supervisorApi.dispose();
  await staffApi.dispose();
  await headApi.dispose();
});

test('an action on a task someone else just changed says so and shows the latest state', async ({
  page,
  playwright,
}) => {
  const title = `推进义务教育优质均衡发展${uniqueSuffix()}`;
  const supervisorApi = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  await call(supervisorApi, 'post', '/auth/login', { username: people.supervisor.username, password });
  const created = await call<TaskDetail>(supervisorApi, 'post', '/tasks', { title, leadUnitId: leadUnit.id, deadline });
  await signIn(page, people.supervisor.username, password);
  await page.goto(`/tasks/${created.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // Meanwhile, someone else assigns it.
  await call(supervisorApi, 'post', `/tasks/${created.id}/assign`, { version: created.version });

  await page.getByRole('button', { name: t.tasks.actions.assign, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.tasks.actions.assign, exact: true }).click();
  await expect(page.getByText(t.tasks.errors.conflict)).toBeVisible();
  await expect(page.getByRole('main').getByText(t.tasks.status.assigned).first()).toBeVisible();
  await expect(page.getByRole('button', { name: t.tasks.actions.assign, exact: true })).toHaveCount(0);
  await supervisorApi.dispose();
});
