import { expect, type Page, test } from '@playwright/test';
import type { CaseView } from '../src/shared/cases-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Org, openKeyTask, password, seedOrg, signedInClient } from './review-seed.js';
import { fill, pickTreeOption, signIn, signOut, text, useLocale } from './support.js';

// The case library through the UI: the supervision office writes an exemplary case, publishes
// it and spreads it to a unit; that unit records that it adopted the practice; the case page and
// the library show the adoption. Then pictures at desktop and phone width in zh-CN and en.

const t = text['zh-CN'];
const shots = process.env.LUOSHI_E2E_SHOTS_DIR ?? 'test-results/screenshots';

test.describe.configure({ mode: 'serial' });

let org: Org;
let task: TaskDetail;
let caseId = 0;
let title = '';

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市行政审批局', coop: '市市场监管局' });
  title = `“一站式”联审联办压缩审批时限${org.suffix}`;
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  task = await openKeyTask(sup, staff, org, `优化营商环境审批改革${org.suffix}`);
  await sup.dispose();
  await staff.dispose();
});

function adoptionRow(page: Page, unitName: string) {
  return page.getByRole('row').filter({ hasText: unitName });
}

test('an exemplary case is written, published, spread and adopted', async ({ page }) => {
  test.setTimeout(120_000);

  await test.step('the supervision office writes the case', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/cases');
    await page.getByRole('button', { name: t.cases.create }).click();
    const dialog = page.getByRole('dialog', { name: t.cases.createTitle });
    await dialog.getByLabel(t.cases.fields.title).fill(title);
    await dialog.getByLabel(t.cases.fields.summary).fill('审批事项一窗受理、并联审批，平均时限压缩一半。');
    await dialog
      .getByLabel(t.cases.fields.writeUp)
      .fill('一、主要做法\n推行一窗受理、并联审批。\n\n二、取得成效\n平均审批时限由20个工作日压缩至10个。');
    await dialog.getByLabel(`${t.cases.fields.unit}${t.common.optional}`).fill(org.leadUnit.name);
    await pickTreeOption(page, org.leadUnit.name);
    await dialog.getByLabel(`${t.cases.fields.task}${t.common.optional}`).fill(task.title);
    await page.locator('.ant-select-item-option', { hasText: task.title }).click();
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    caseId = Number(page.url().split('/').pop());
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(t.cases.statuses.draft, { exact: true })).toBeVisible();
  });

  await test.step('publishes it and spreads it to another unit', async () => {
    await page.getByRole('button', { name: t.cases.actions.publish }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: t.common.confirm }).click();
    await expect(page.getByText(t.cases.done.publish)).toBeVisible();
    await page.getByRole('button', { name: t.cases.actions.spread, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t.cases.spreadForm.title });
    // The tree is long (every spec's organisation); search narrows it to the one unit.
    await dialog.getByLabel(t.cases.spreadForm.units).fill(org.coopUnit.name);
    await pickTreeOption(page, org.coopUnit.name);
    // A multiple choice stays open after a pick; clicking the introduction closes it.
    await dialog.getByText(t.cases.spreadForm.intro).click();
    await dialog.getByRole('button', { name: t.cases.spreadForm.submit }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(t.cases.toSpreadTag).first()).toBeVisible();
    await expect(adoptionRow(page, org.coopUnit.name).getByText(t.cases.adoptionStatuses.pending)).toBeVisible();
    await signOut(page);
  });

  await test.step('the unit asked records that it adopted the practice', async () => {
    await signIn(page, org.people.coopStaff.username, password);
    await page.goto('/cases?mine=1');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: t.cases.actions.adopt }).click();
    const dialog = page.getByRole('dialog', { name: t.cases.adoptForm.title });
    await dialog.getByLabel(t.cases.adoptionStatuses.adopted).check();
    await dialog.getByLabel(t.cases.fields.note).fill('已在本局推行并联审批。');
    await dialog.getByRole('button', { name: t.cases.adoptForm.submit }).click();
    await expect(dialog).toBeHidden();
    await expect(adoptionRow(page, org.coopUnit.name).getByText(t.cases.adoptionStatuses.adopted)).toBeVisible();
    await signOut(page);
  });

  await test.step('the case page and the library show the adoption', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto(`/cases/${caseId}`);
    const row = adoptionRow(page, org.coopUnit.name);
    await expect(row.getByText(t.cases.adoptionStatuses.adopted)).toBeVisible();
    await expect(row.getByText('已在本局推行并联审批。')).toBeVisible();
    await page.goto('/cases');
    const card = page.getByRole('listitem').filter({ hasText: title });
    await expect(card.getByText(fill(t.cases.progress, { adopted: 1, total: 1 }))).toBeVisible();
  });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test(`case library pictures in ${locale}`, async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const sup = await signedInClient(playwright, org.people.supervisor.username);
    const item = await sup.call<CaseView>('get', `/cases/${caseId}`);
    await sup.dispose();
    await useLocale(page, locale);
    await signIn(page, org.people.supervisor.username, password, locale);
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      for (const [name, path] of [
        ['library', '/cases'],
        ['case', `/cases/${item.id}`],
      ] as const) {
        await page.goto(path);
        await expect(page.getByText(item.title).first()).toBeVisible();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `${shots}/cases-${name}-${viewport.name}-${locale}.png`, fullPage: true });
      }
    }
  });
}
