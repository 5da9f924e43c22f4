import { expect, test } from '@playwright/test';
import type { TaskDetail, TaskSummary } from '../src/shared/task-api.js';
import type { Unit } from '../src/web/api/types.js';
import { E2E_BASE_URL } from './e2e-env.mjs';
import { adminApi, apiHeaders, fill, pickTreeOption, signIn, text, typeDate, uniqueSuffix } from './support.js';

// Document import (issue 6): a supervisor pastes a 分工方案, maps the one unit name the unit tree
// does not know, fixes a deadline and registers the tree as assigned tasks; the tasks then show up
// assigned to the right units with the right deadlines.

const t = text['zh-CN'];
const password = 'import-pass-123';
const s = uniqueSuffix();
const Y = new Date().getFullYear() + 1;
const supervisor = { username: `drs${s}`, displayName: `导入督查员${s}` };
const units: Record<'fgw' | 'cz' | 'scj' | 'sjj', Unit> = {} as never;

/** The name the document uses for the data bureau: not a name, short name or alias of any unit. */
const unknownName = `大数据中心${s}`;

const DOCUMENT = [
  '江川市人民政府办公室关于印发重点工作任务分工方案的通知',
  `江政办〔${Y}〕7号`,
  `一、深化营商环境改革（牵头单位：市发改委${s}；配合单位：市财政局${s}；完成时限：${Y}年12月底前）`,
  `（一）压缩企业开办时间。（牵头单位：市发改委${s}；配合单位：市市场监督管理局${s}；完成时限：${Y}年6月底前）`,
  `（二）推进政务数据共享。（牵头单位：${unknownName}；完成时限：${Y}年9月底前）`,
  `二、加强财政资金管理。（牵头单位：市财政局${s}；完成时限：${Y}年11月30日前）`,
].join('\n');

/** What each task should end up with: its lead unit and its deadline (one of them fixed by hand). */
const expected = () => [
  { title: '深化营商环境改革', lead: units.fgw, deadline: `${Y}-12-31` },
  { title: '压缩企业开办时间', lead: units.fgw, deadline: `${Y}-06-30` },
  { title: '推进政务数据共享', lead: units.sjj, deadline: `${Y}-10-31` },
  { title: '加强财政资金管理', lead: units.cz, deadline: `${Y}-11-30` },
];

/** A date as the task pages show it in zh-CN. */
function shownDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(year ?? 0, (month ?? 1) - 1, day ?? 1),
  );
}

test.beforeAll(async ({ request }) => {
  const api = await adminApi(request);
  const city = await api.createUnit({ name: `江川市人民政府${s}` });
  const office = await api.createUnit({ name: `市政府督查室${s}`, parentId: city.id });
  units.fgw = await api.createUnit({ name: `市发展和改革委员会${s}`, shortName: `市发改委${s}`, parentId: city.id });
  units.cz = await api.createUnit({ name: `市财政局${s}`, parentId: city.id });
  units.scj = await api.createUnit({ name: `市市场监督管理局${s}`, parentId: city.id });
  units.sjj = await api.createUnit({ name: `市政务服务和数据管理局${s}`, parentId: city.id });
  await api.createUser({ ...supervisor, password, unitId: office.id, roles: ['supervisor'] });
});

test('a pasted 分工方案 becomes assigned tasks after mapping a unit and fixing a deadline', async ({
  page,
  playwright,
}) => {
  let sourceId = 0;

  await test.step('the supervisor pastes the document and reads it', async () => {
    await signIn(page, supervisor.username, password);
    await page
      .getByRole('navigation', { name: t.nav.mainNavigation })
      .getByRole('link', { name: t.imports.nav })
      .click();
    await expect(page.getByRole('heading', { name: t.imports.title })).toBeVisible();
    await page.getByLabel(t.imports.input.textLabel).fill(DOCUMENT);
    await page.getByRole('button', { name: t.imports.input.parse }).click();
    await expect(page.getByText(fill(t.imports.review.treeTitle, { count: 4 }))).toBeVisible();
    for (const { title } of expected()) {
      await expect(page.getByRole('textbox', { name: fill(t.imports.item.title, { title }) })).toHaveValue(title);
    }
  });

  await test.step('the one unknown unit name is mapped to a unit of the tree', async () => {
    const mapping = page.getByText(fill(t.imports.units.title, { count: 1 }));
    await expect(mapping).toBeVisible();
    await expect(page.getByText(unknownName, { exact: true })).toBeVisible();
    const picker = page.getByLabel(fill(t.imports.units.pick, { name: unknownName }));
    await picker.click();
    await picker.fill(units.sjj.name);
    await pickTreeOption(page, units.sjj.name);
    await expect(page.getByText(fill(t.imports.units.title, { count: 0 }))).toBeVisible();
    await expect(page.getByText(fill(t.imports.item.leadIs, { name: units.sjj.name }))).toBeVisible();
  });

  await test.step('one deadline is fixed by hand', async () => {
    const title = '推进政务数据共享';
    await page.getByRole('button', { name: fill(t.imports.item.detailsOf, { title }) }).click();
    await expect(page.getByText(fill(t.imports.item.written, { text: `${Y}年9月底前` })).first()).toBeVisible();
    await typeDate(page.getByLabel(fill(t.imports.item.deadlineOf, { title })), `${Y}-10-31`);
    await expect(page.getByText(fill(t.imports.item.deadlineIs, { date: `${Y}-10-31` }))).toBeVisible();
  });

  await test.step('the tree is registered as assigned tasks', async () => {
    await expect(page.getByRole('radio', { name: t.imports.register.modes.assign })).toBeChecked();
    await page.getByRole('button', { name: t.imports.register.submit, exact: true }).click();
    await expect(page.getByText(fill(t.imports.register.done, { count: 4 }))).toBeVisible();
    await expect(page.getByText(fill(t.imports.register.aliases, { count: 1 }))).toBeVisible();
    await page.getByRole('link', { name: t.imports.register.viewTasks }).click();
    await expect(page).toHaveURL(/\/tasks\?.*sourceId=\d+/);
    sourceId = Number(new URL(page.url()).searchParams.get('sourceId'));
  });

  await test.step('the task list shows every task of the document', async () => {
    for (const { title } of expected()) await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  });

  await test.step('each task is assigned to the right unit with the right deadline', async () => {
    for (const { title, lead, deadline } of expected()) {
      await page.goto(`/tasks?sourceId=${sourceId}`);
      await page.getByRole('link', { name: title }).first().click();
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      const main = page.getByRole('main');
      await expect(main.getByText(t.tasks.status.assigned).first()).toBeVisible();
      await expect(main.getByText(lead.name, { exact: true }).first()).toBeVisible();
      await expect(main.getByText(shownDay(deadline)).first()).toBeVisible();
    }
  });

  await test.step('the API agrees: lead units, deadlines and status as registered', async () => {
    const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    await api.post('/api/v1/auth/login', { data: { username: supervisor.username, password }, headers: apiHeaders });
    const list = await api.get(`/api/v1/tasks?sourceId=${sourceId}&limit=50`, { headers: apiHeaders });
    const tasks = ((await list.json()) as { items: TaskSummary[] }).items;
    for (const want of expected()) {
      const task = tasks.find((x) => x.title === want.title);
      expect(task, want.title).toMatchObject({
        status: 'assigned',
        deadline: want.deadline,
        leadUnit: { id: want.lead.id },
      });
    }
    const shared = tasks.find((x) => x.title === '压缩企业开办时间') as TaskSummary;
    const detail = (await (await api.get(`/api/v1/tasks/${shared.id}`, { headers: apiHeaders })).json()) as TaskDetail;
    expect(detail.units.map((u) => u.unitId).sort()).toEqual([units.fgw.id, units.scj.id].sort());
    await api.dispose();
  });
});
