import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { Source, TaskDetail, TaskSummary } from '../src/shared/task-api.js';
import type { Unit, User } from '../src/web/api/types.js';
import { E2E_BASE_URL } from './e2e-env.mjs';
import { adminApi, apiHeaders, signIn, signOut, text, useLocale } from './support.js';

// Pictures of the task pages (list, tree, detail, register, inbox, sources) at desktop and phone
// width in zh-CN and en, into test-results/screenshots; each also asserts no sideways scrolling.

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;
const locales = ['zh-CN', 'en'] as const;
const password = 'shots-pass-123';
const supervisor = { username: 'zhoumin', displayName: '周敏' };
const staff = { username: 'sunli', displayName: '孙丽' };
const SOURCE_TITLE = '2026年市政府工作报告重点任务分解';
const KEY_TASK = '加快推进重大项目建设，全年固定资产投资增长8%';

const year = new Date().getFullYear();
const later = `${year + 1}-12-31`;
const past = `${year - 1}-12-31`;

/** Calls the API and fails loudly with the answer's text when it is not what was expected. */
async function call<T>(request: APIRequestContext, method: 'get' | 'post' | 'put', url: string, data?: unknown) {
  const response = await request[method](`/api/v1${url}`, { data, headers: apiHeaders });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A small city's task portfolio: a key task with subtasks, an overdue one, drafts, a source. */
test.beforeAll(async ({ request, playwright }) => {
  const api = await adminApi(request);
  const existing = await call<{ items: TaskSummary[] }>(request, 'get', `/tasks?q=${encodeURIComponent(KEY_TASK)}`);
  if (existing.items.length > 0) return;

  const units = await api.listUnits();
  const unit = async (name: string, parentId: number | null, shortName?: string): Promise<Unit> =>
    units.find((item) => item.name === name && item.parentId === parentId) ??
    (await api.createUnit({ name, parentId, ...(shortName ? { shortName } : {}) }));
  const city = await unit('市人民政府', null);
  const office = await unit('市政府督查室', city.id);
  const drc = await unit('市发展和改革委员会', city.id, '市发改委');
  const finance = await unit('市财政局', city.id);
  const housing = await unit('市住房和城乡建设局', city.id, '市住建局');
  const market = await unit('市市场监督管理局', city.id);
  const education = await unit('市教育局', city.id);

  const person = async (body: Record<string, unknown>): Promise<User> => {
    const found = await call<{ items: User[] }>(request, 'get', `/users?q=${body.username as string}`);
    return found.items.find((user) => user.username === body.username) ?? api.createUser({ ...body, password });
  };
  await person({ ...supervisor, unitId: office.id, roles: ['supervisor'] });
  const sunli = await person({ ...staff, unitId: drc.id, roles: ['unit_staff'] });
  const leader = await person({
    username: 'wanghai',
    displayName: '王海',
    unitId: city.id,
    roles: ['leader'],
    unitsInChargeIds: [drc.id, finance.id],
  });

  const source = await call<Source>(request, 'post', '/sources', {
    kind: 'work_report',
    title: SOURCE_TITLE,
    docNumber: `市政发〔${year}〕3号`,
    issuer: '市人民政府',
    issuedOn: `${year}-02-20`,
    fullText: '一、扎实推进重大项目建设……\n二、持续优化营商环境……\n三、推进义务教育优质均衡发展……',
  });
  await call<Source>(request, 'post', '/sources', {
    kind: 'instruction',
    title: '关于加快老旧小区改造进度的批示',
    issuer: '市人民政府',
    issuedOn: `${year}-04-08`,
  });
  const register = (body: Record<string, unknown>) =>
    call<TaskDetail>(request, 'post', '/tasks', { sourceId: source.id, ...body });
  const assign = (ids: number[]) =>
    call(request, 'post', '/tasks/bulk', { taskIds: ids, operation: { kind: 'assign' } });

  const key = await register({
    title: KEY_TASK,
    description: '围绕交通、能源、水利、新基建等领域，滚动推进重大项目建设，确保全年固定资产投资增长8%。',
    isKey: true,
    priority: 'high',
    leadUnitId: drc.id,
    cooperatingUnits: [{ unitId: finance.id, part: '统筹安排项目资金，加快专项债券发行使用。' }],
    responsibleLeaderId: leader.id,
    responsiblePersonId: sunli.id,
    startDate: `${year}-03-01`,
    deadline: later,
    tags: ['重大项目', '投资'],
    category: '经济发展',
  });
  const { items: subtasks } = await call<{ items: TaskSummary[] }>(request, 'post', `/tasks/${key.id}/subtasks`, {
    version: key.version,
    subtasks: [
      { title: '建立重大项目月度调度机制' },
      { title: '保障重大项目用地指标', leadUnitId: housing.id },
      // The parent's cooperating unit leads this one, so it must not inherit it as cooperating too.
      { title: '落实重大项目建设资金', leadUnitId: finance.id, cooperatingUnits: [] },
    ],
  });
  const overdue = await register({
    title: '优化营商环境，企业开办时间压缩至1个工作日',
    leadUnitId: market.id,
    deadline: past,
  });
  const ownOverdue = await register({ title: '编制年度重大项目储备清单', leadUnitId: drc.id, deadline: past });
  const toAcknowledge = await register({ title: '开展重点领域节能降碳改造', leadUnitId: drc.id, deadline: later });
  await register({ title: '推进义务教育优质均衡发展，新建改扩建学校6所', leadUnitId: education.id, deadline: later });
  await register({ title: '实施城市更新行动，完成老旧小区改造30个', isKey: true, leadUnitId: housing.id });
  await assign([key.id, ...subtasks.map((task) => task.id), overdue.id, ownOverdue.id, toAcknowledge.id]);

  // The lead unit acknowledges two of them and reports progress on a subtask.
  const unitStaff = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  await call(unitStaff, 'post', '/auth/login', { username: staff.username, password });
  for (const id of [key.id, ownOverdue.id, subtasks[0]?.id ?? 0]) {
    const task = await call<TaskDetail>(unitStaff, 'get', `/tasks/${id}`);
    await call(unitStaff, 'post', `/tasks/${id}/acknowledge`, { version: task.version });
  }
  await unitStaff.dispose();
  // A correction by hand is the supervision office's (the admin here); units report through reports.
  const first = await call<TaskDetail>(request, 'get', `/tasks/${subtasks[0]?.id ?? 0}`);
  await call(request, 'put', `/tasks/${first.id}/progress`, { version: first.version, progress: 60 });
});

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
}

/** Lets drawers, messages and tree motions finish so pictures show the settled page. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

async function shoot(page: Page, file: string, fullPage = true) {
  await settle(page);
  await expectNoSidewaysScroll(page);
  await page.waitForFunction(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    return window.scrollY === 0;
  });
  await page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage });
}

for (const locale of locales) {
  for (const viewport of viewports) {
    test.describe(`tasks ${locale} ${viewport.name}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, locale });

      test(`screenshots of the task pages (${locale}, ${viewport.width}px)`, async ({ page }) => {
        const t = text[locale];
        const prefix = `${locale}-${viewport.width}-tasks`;
        const isPhone = viewport.name === 'phone';
        await useLocale(page, locale);
        await signIn(page, supervisor.username, password, locale);

        await page.goto('/tasks');
        await expect(page.getByRole('link', { name: KEY_TASK })).toBeVisible();
        await shoot(page, `${prefix}-list`);

        await page.getByRole('button', { name: t.tasks.filters.more }).click();
        if (isPhone) {
          await page.getByRole('checkbox', { name: t.tasks.bulk.selectTask.replace('{{title}}', KEY_TASK) }).check();
        } else {
          await page.getByRole('row', { name: KEY_TASK }).getByRole('checkbox').check();
        }
        await expect(page.getByText(t.tasks.bulk.selected.replace('{{count}}', '1'))).toBeVisible();
        await shoot(page, `${prefix}-list-filters-bulk`);
        await page.getByRole('button', { name: t.tasks.bulk.clear }).click();
        await page.getByRole('button', { name: t.tasks.filters.fewer }).click();

        await page.getByText(t.tasks.view.tree, { exact: true }).click();
        if (isPhone) {
          await page.getByRole('button', { name: t.tasks.subtaskCount.replace('{{count}}', '3') }).click();
        } else {
          await page.getByRole('row', { name: KEY_TASK }).getByRole('button').first().click();
        }
        await expect(page.getByRole('link', { name: '落实重大项目建设资金' })).toBeVisible();
        await shoot(page, `${prefix}-tree`);
        await page.getByText(t.tasks.view.flat, { exact: true }).click();

        await page.getByRole('link', { name: KEY_TASK }).first().click();
        await expect(page.getByRole('heading', { name: KEY_TASK })).toBeVisible();
        await shoot(page, `${prefix}-detail`);
        await page.getByRole('tab', { name: t.tasks.tabs.subtasks.replace('{{count}}', '3') }).click();
        await expect(page.getByRole('link', { name: '保障重大项目用地指标' })).toBeVisible();
        await shoot(page, `${prefix}-detail-subtasks`);
        await page.getByRole('tab', { name: t.tasks.tabs.history }).click();
        await shoot(page, `${prefix}-detail-history`);

        await page.getByRole('main').getByRole('button', { name: t.common.edit }).click();
        await expect(page.getByRole('dialog').getByLabel(t.tasks.fields.title, { exact: true })).toHaveValue(KEY_TASK);
        await settle(page);
        await page.screenshot({ path: `test-results/screenshots/${prefix}-edit.png` });
        await page.getByRole('dialog').getByRole('button', { name: t.common.cancel }).click();
        await expect(page.getByRole('dialog')).toBeHidden();

        await page.getByRole('button', { name: t.common.more }).click();
        await page.getByRole('menuitem', { name: t.tasks.decompose.button }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await settle(page);
        await page.screenshot({ path: `test-results/screenshots/${prefix}-decompose.png` });
        await page.getByRole('dialog').getByRole('button', { name: t.common.cancel }).click();

        await page.goto('/tasks/new');
        await expect(page.getByRole('heading', { name: t.tasks.registerTitle })).toBeVisible();
        await shoot(page, `${prefix}-register`);

        await page.goto('/sources');
        await expect(page.getByRole('link', { name: SOURCE_TITLE })).toBeVisible();
        await shoot(page, `${prefix}-sources`);
        await page.getByRole('link', { name: SOURCE_TITLE }).click();
        await expect(page.getByRole('dialog').getByRole('link', { name: KEY_TASK })).toBeVisible();
        await settle(page);
        await page.screenshot({ path: `test-results/screenshots/${prefix}-source-drawer.png` });

        await page.goto('/inbox');
        await expect(page.getByRole('heading', { name: t.inbox.title })).toBeVisible();
        await shoot(page, `${prefix}-inbox-supervisor`);

        await page.goto('/tasks?q=没有这样的事项');
        await expect(page.getByText(t.tasks.emptyFiltered)).toBeVisible();
        await shoot(page, `${prefix}-list-no-match`);

        await page.goto('/tasks/99999999');
        await expect(page.getByText(t.tasks.notFoundTitle)).toBeVisible();
        await shoot(page, `${prefix}-not-found`);

        await signOut(page, locale);
        await signIn(page, staff.username, password, locale);
        await page.goto('/inbox');
        await expect(page.getByRole('link', { name: '开展重点领域节能降碳改造' })).toBeVisible();
        await shoot(page, `${prefix}-inbox-unit`);
      });
    });
  }
}
