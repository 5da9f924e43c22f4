import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Client, deadline, type Org, password, seedOrg, signedInClient } from './review-seed.js';
import { fill, pickTreeOption, signIn, signOut, text, typeDate } from './support.js';

// Issue 7's journey, closing the loop in one go: the supervision office defines an assessment period
// over three overdue tasks, reviews them item by item (classifying two failures), turns one finding
// into a rectification item, freezes the period and issues a bulletin from it; the lead unit then
// finds both the bulletin and its rectification task in its inbox.

const t = text['zh-CN'];
const year = new Date().getFullYear();

test.describe.configure({ mode: 'serial' });

let org: Org;
const tasks: TaskDetail[] = [];

/** A day `days` before today, `YYYY-MM-DD` (the tasks were due in the past: not done, overdue). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function overdueTask(sup: Client, staff: Client, title: string): Promise<TaskDetail> {
  const created = await sup.call<TaskDetail>('post', '/tasks', {
    title,
    leadUnitId: org.leadUnit.id,
    deadline: daysAgo(20),
  });
  await sup.call('post', `/tasks/${created.id}/assign`, { version: created.version });
  const assigned = await staff.call<TaskDetail>('get', `/tasks/${created.id}`);
  return staff.call<TaskDetail>('post', `/tasks/${created.id}/acknowledge`, { version: assigned.version });
}

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市生态环境局', coop: '市水务局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  for (const title of ['黑臭水体整治', '工业园区污水处理厂建设', '扬尘污染专项治理']) {
    tasks.push(await overdueTask(sup, staff, `${title}${org.suffix}`));
  }
  await sup.dispose();
  await staff.dispose();
});

/** Chooses a reason from the keyboard in the worksheet's current row and writes why. */
async function classify(page: Page, typed: string, label: string, why: string) {
  await page.keyboard.press('r');
  await page.keyboard.type(typed);
  await expect(page.locator('.ant-select-item-option').filter({ hasText: label })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: t.review.explanation })).toBeFocused();
  await page.keyboard.type(why);
  await page.keyboard.press('Control+s');
}

test('a supervisor assesses, reviews, rectifies, freezes and issues a bulletin; the unit sees it all', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const periodName = `${year}年度重点任务考核${org.suffix}`;
  const rectificationTitle = `黑臭水体整治整改${org.suffix}`;
  let periodPath = '';
  let number = '';

  await test.step('the supervision office defines the period over the three tasks and computes it', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/assessment');
    await page.getByRole('button', { name: t.assessment.newPeriod }).first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: t.assessment.form.createTitle });
    await dialog.getByLabel(t.assessment.form.name).fill(periodName);
    await typeDate(dialog.getByLabel(t.assessment.form.startsOn), `${year}-01-01`);
    await typeDate(dialog.getByLabel(t.assessment.form.endsOn), `${year}-12-31`);
    const picker = dialog.getByLabel(t.assessment.form.taskIds);
    for (const task of tasks) {
      await picker.fill(task.title);
      await page.locator('.ant-select-item-option', { hasText: task.number }).click();
    }
    await dialog.getByLabel(t.assessment.form.handPickedOnly).check();
    await dialog.getByRole('button', { name: t.assessment.form.create }).click();
    await expect(page).toHaveURL(/\/assessment\/\d+$/);
    periodPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: t.assessment.actions.compute }).first().click();
    await expect(page.getByText(fill(t.assessment.period.taskCount, { count: 3 }), { exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(org.leadUnit.name) })).toBeVisible();
  });

  await test.step('reviews the items, classifying two failures', async () => {
    await page.goto(`${periodPath}/review`);
    const progress = page.getByTestId('review-progress');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 0, total: 3 }));
    await classify(page, '资金', '资金不到位', '治理资金下达晚于计划，影响工程招标。');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 1, total: 3 }));
    await classify(page, '不作为', '不作为/慢作为', '牵头单位多次催办仍未启动建设。');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 2, total: 3 }));
  });

  await test.step('turns the first finding into a rectification item for the lead unit', async () => {
    await page
      .locator('tbody tr')
      .filter({ hasText: tasks[0]?.title ?? '' })
      .click();
    await page.getByRole('button', { name: t.rectifications.create.button }).click();
    const dialog = page.getByRole('dialog', { name: t.rectifications.create.title });
    await dialog.getByLabel(t.rectifications.fields.title).fill(rectificationTitle);
    await expect(dialog.getByLabel(t.rectifications.fields.finding)).toHaveValue(
      '治理资金下达晚于计划，影响工程招标。',
    );
    await dialog.getByLabel(t.rectifications.fields.measures).fill('协调财政提前下达资金，倒排工期按月调度。');
    await dialog.getByLabel(t.rectifications.fields.unit).fill(org.leadUnit.name);
    await pickTreeOption(page, org.leadUnit.name);
    await typeDate(dialog.getByLabel(t.rectifications.fields.deadline), deadline);
    await dialog.getByRole('button', { name: t.rectifications.create.submit }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('freezes the period', async () => {
    await page.goto(periodPath);
    await page.getByRole('button', { name: t.assessment.actions.freeze }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: fill(t.assessment.actions.freezeTitle, { name: periodName }) })
      .getByRole('button', { name: t.assessment.actions.freeze })
      .click();
    await expect(page.getByText(t.assessment.period.frozenNotice)).toBeVisible();
  });

  await test.step('issues a bulletin from the frozen period', async () => {
    await page.goto('/bulletins');
    await page.getByRole('button', { name: t.bulletins.generate }).click();
    const dialog = page.getByRole('dialog', { name: t.bulletins.generateTitle });
    await dialog.getByText(t.bulletins.basis.period, { exact: true }).click();
    await dialog.getByRole('combobox', { name: t.bulletins.period }).click();
    await page.locator('.ant-select-item-option', { hasText: periodName }).click();
    await dialog.getByRole('button', { name: t.bulletins.create }).click();
    await expect(page).toHaveURL(/\/bulletins\/\d+$/);
    await expect(page.getByRole('article')).toContainText(org.leadUnit.name);
    await page.getByRole('button', { name: t.bulletins.issue }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.bulletins.issue }).click();
    const heading = page.getByRole('heading', { level: 3, name: /^督通〔\d{4}〕\d+号$/ });
    await expect(heading).toBeVisible();
    number = (await heading.textContent()) ?? '';
    await signOut(page);
  });

  await test.step('the lead unit finds the bulletin and its rectification task in its inbox', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/inbox');
    const bulletins = page.getByRole('region', { name: t.bulletins.inbox.title });
    await expect(bulletins.getByRole('link', { name: new RegExp(number) })).toBeVisible();
    const toAcknowledge = page.getByRole('region', { name: t.inbox.sections.toAcknowledge.title });
    const item = toAcknowledge.getByRole('listitem').filter({ hasText: rectificationTitle });
    await expect(item.getByText(t.rectifications.tag, { exact: true })).toBeVisible();
    await bulletins.getByRole('link', { name: new RegExp(number) }).click();
    await expect(page.getByRole('heading', { level: 3, name: number })).toBeVisible();
    // Read, it leaves the inbox.
    await page.goto('/inbox');
    await expect(page.getByRole('region', { name: t.bulletins.inbox.title })).toContainText(t.bulletins.inbox.empty);
    await signOut(page);
  });
});
