import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { TaskDetail } from '../src/shared/task-api.js';
import { deadline, type Org, password, seedOrg, signedInClient } from './review-seed.js';
import { signIn, signOut, useLocale as startInLocale, text } from './support.js';

// Implementation reports (落实情况报告) through the UI: a supervisor opens the print view for a
// source, sees every item, downloads the .xlsx (read back), and visits the schedules; pictures of
// the report at 1280 and 375 px in Chinese and English.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let sourceId = 0;
const titles: string[] = [];

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市发展改革委', coop: '市教育局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const source = await sup.call<{ id: number }>('post', '/sources', {
    kind: 'document',
    title: `2026年政府工作报告${org.suffix}`,
  });
  sourceId = source.id;
  for (const [title, unit] of [
    [`扩大有效投资${org.suffix}`, org.leadUnit.id],
    [`推进教育强市建设${org.suffix}`, org.coopUnit.id],
  ] as const) {
    const created = await sup.call<TaskDetail>('post', '/tasks', { title, leadUnitId: unit, sourceId, deadline });
    await sup.call('post', `/tasks/${created.id}/assign`, { version: created.version });
    titles.push(title);
  }
  const me = await sup.call<{ id: number }>('get', '/me');
  await sup.call('post', '/status-report-schedules', {
    name: `周报${org.suffix}`,
    sourceId,
    frequency: 'weekly',
    formats: ['xlsx'],
    recipientIds: [me.id],
    ownerId: me.id,
  });
  await sup.dispose();
});

test('a supervisor opens the report for a source, sees its items and downloads the .xlsx', async ({ page }) => {
  await signIn(page, org.people.supervisor.username, password);
  await page.getByRole('link', { name: t.statusReports.nav }).first().click();
  await expect(page.getByRole('heading', { level: 3, name: t.statusReports.title })).toBeVisible();
  await page.goto(`/status-reports?sourceId=${sourceId}&window=weekly`);
  const sheet = page.getByRole('article');
  for (const title of titles) await expect(sheet).toContainText(title);
  await expect(sheet).toContainText(t.statusReports.items);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: t.statusReports.download.xlsx }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/落实情况的周报.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const cells = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
  for (const title of titles) expect(cells).toContain(title);

  await page.getByRole('button', { name: t.statusReports.schedulesLink }).click();
  await expect(page.getByRole('heading', { level: 3, name: t.statusReports.schedules.title })).toBeVisible();
  // Send now: the run is recorded and shown under the schedule, whatever the mail server says.
  const card = page.locator('.ant-card').filter({ hasText: `周报${org.suffix}` });
  await card.getByRole('button', { name: t.statusReports.schedules.sendNow }).click();
  await expect(card.getByRole('row')).toHaveCount(2);
  await signOut(page);
});

test('pictures of the report and the schedules', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
      await startInLocale(page, locale);
      await signIn(page, org.people.supervisor.username, password, locale);
      await page.goto(`/status-reports?sourceId=${sourceId}&window=weekly`);
      await expect(page.getByRole('article')).toContainText(titles[0] ?? '');
      await page.screenshot({ path: testInfo.outputPath(`report-${locale}-${width}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: testInfo.outputPath(`print-${locale}-${width}.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.goto('/status-reports/schedules');
      await expect(
        page.getByRole('heading', { level: 3, name: text[locale].statusReports.schedules.title }),
      ).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`schedules-${locale}-${width}.png`), fullPage: true });
      await page.getByRole('button', { name: text[locale].statusReports.schedules.add }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`schedule-form-${locale}-${width}.png`), fullPage: false });
      await page.keyboard.press('Escape');
      await signOut(page, locale);
    }
  }
});
