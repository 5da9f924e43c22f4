import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Org, openKeyTask, password, seedOrg, signedInClient } from './review-seed.js';
import { pickTreeOption, signIn, signOut, text, typeDate, useLocale } from './support.js';

// Accountability records (问责) through the UI: the supervision office opens a record against a
// unit with a linked task and evidence from its timeline; the unit's staff find it in their list
// and give their statement; the supervision office decides. Then pictures at desktop and phone
// width in zh-CN and en (the list and the record).

const t = text['zh-CN'];
const shots = process.env.LUOSHI_E2E_SHOTS_DIR ?? 'test-results/screenshots';

test.describe.configure({ mode: 'serial' });

let org: Org;
let task: TaskDetail;
let recordPath = '';
let number = '';

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市水务局', coop: '市财政局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  task = await openKeyTask(sup, staff, org, `城区防洪排涝工程${org.suffix}`);
  await sup.dispose();
  await staff.dispose();
});

/** Picks an option of the antd Select that is open, by its text. */
async function pickOption(page: Page, label: string | RegExp) {
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
}

test('a record is opened against a unit, answered by the unit and decided', async ({ page }) => {
  test.setTimeout(120_000);
  const a = t.accountability;

  await test.step('the supervision office opens it with a task and evidence', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/accountability');
    await page.getByRole('button', { name: a.openRecord }).click();
    const dialog = page.getByRole('dialog', { name: a.create.title });
    await dialog.getByRole('combobox', { name: a.create.subjectUnit }).click();
    await pickTreeOption(page, org.leadUnit.name);
    await dialog.getByRole('combobox', { name: a.create.addTask }).fill(task.title.slice(0, 6));
    await pickOption(page, task.title);
    await dialog
      .getByRole('checkbox', { name: new RegExp(a.refType.event) })
      .first()
      .check();
    await dialog.getByLabel(a.create.proposal).fill('汛期前工程未按期完工，经督办仍未落实，建议问责。');
    await dialog.getByRole('checkbox', { name: a.create.openNow }).check();
    await typeDate(dialog.getByLabel(a.create.statementDue), `${new Date().getFullYear() + 1}-01-15`);
    await dialog.getByRole('button', { name: a.create.submit }).click();
    await expect(page).toHaveURL(/\/accountability\/\d+$/);
    await expect(page.getByText(a.auditNotice)).toBeVisible();
    await expect(page.getByText(a.status.open, { exact: true })).toBeVisible();
    const heading = (await page.getByRole('heading', { level: 3 }).first().textContent()) ?? '';
    number = /问〔\d{4}〕\d+号/.exec(heading)?.[0] ?? '';
    expect(number).not.toBe('');
    recordPath = new URL(page.url()).pathname;
    await signOut(page);
  });

  await test.step("the unit's staff find it and give their statement", async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/accountability');
    await page.getByRole('listitem', { name: number }).getByRole('link', { name: number }).click();
    await page.getByLabel(a.statement.label).fill('受连续降雨影响施工中断，已增加作业面，计划月底前完工。');
    await page.getByRole('button', { name: a.statement.submit }).click();
    await expect(page.getByText(a.status.responded, { exact: true })).toBeVisible();
    await expect(page.getByText('受连续降雨影响施工中断')).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervision office decides', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto(recordPath);
    await page.getByRole('button', { name: a.decide.title, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(a.decide.decision).click();
    await pickOption(page, a.decision.written_review);
    await dialog.getByLabel(a.decide.note).fill('责令牵头单位作出书面检查。');
    await dialog.getByRole('button', { name: a.decide.submit }).click();
    await expect(page.getByText(a.status.decided, { exact: true })).toBeVisible();
    await expect(page.getByText('责令牵头单位作出书面检查。')).toBeVisible();
    await signOut(page);
  });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test(`accountability pictures in ${locale}`, async ({ page }) => {
    test.setTimeout(90_000);
    await useLocale(page, locale);
    await signIn(page, org.people.supervisor.username, password, locale);
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      for (const [name, path] of [
        ['list', '/accountability'],
        ['record', recordPath],
      ] as const) {
        await page.goto(path);
        await expect(page.getByText(number).first()).toBeVisible();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({
          path: `${shots}/accountability-${name}-${viewport.name}-${locale}.png`,
          fullPage: true,
        });
      }
    }
  });
}
