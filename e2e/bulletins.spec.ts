import { expect, type Page, test } from '@playwright/test';
import { notificationText } from '../src/shared/notifications-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Org, password, seedOrg, signedInClient } from './review-seed.js';
import { signIn, signOut, useLocale as startInLocale, text } from './support.js';

// Bulletins (通报) through the UI: the supervision office generates one for today, edits a line,
// issues it (the number appears) and downloads the .docx; the lead unit of an overdue task finds it
// in its notifications and reads it. Then pictures of the list, the editor and the preview.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let task: TaskDetail;
let bulletinPath = '';
let number = '';

/** A day `days` before today, `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市交通运输局', coop: '市财政局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  // A task of the lead unit already past its deadline: the bulletin's overdue list names the unit.
  const created = await sup.call<TaskDetail>('post', '/tasks', {
    title: `建设城市快速路网${org.suffix}`,
    isKey: true,
    leadUnitId: org.leadUnit.id,
    deadline: daysAgo(30),
  });
  await sup.call('post', `/tasks/${created.id}/assign`, { version: created.version });
  const assigned = await staff.call<TaskDetail>('get', `/tasks/${created.id}`);
  task = await staff.call<TaskDetail>('post', `/tasks/${created.id}/acknowledge`, { version: assigned.version });
  await sup.dispose();
  await staff.dispose();
});

function section(page: Page, name: string) {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: name }) });
}

test('a supervisor generates, edits and issues a bulletin; the unit named reads it', async ({ page }) => {
  test.setTimeout(120_000);

  await test.step('the supervision office generates a bulletin for today', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/bulletins');
    await page.getByRole('button', { name: t.bulletins.generate }).click();
    const dialog = page.getByRole('dialog', { name: t.bulletins.generateTitle });
    await dialog.getByRole('button', { name: t.bulletins.create }).click();
    await expect(page).toHaveURL(/\/bulletins\/\d+$/);
    bulletinPath = new URL(page.url()).pathname;
    await expect(section(page, t.bulletins.sections.overdue)).toContainText(task.title);
  });

  await test.step('edits a line of the requirements; the preview follows', async () => {
    const requirements = section(page, t.bulletins.sections.requirements);
    const first = requirements.getByLabel(`${t.bulletins.sections.requirements} 1`);
    await first.fill('一是压实责任，逐项整改销号。');
    await expect(page.getByRole('article')).toContainText('一是压实责任，逐项整改销号。');
    await page.getByRole('button', { name: t.bulletins.save }).click();
    await expect(page.getByText(t.bulletins.saved)).toBeVisible();
  });

  await test.step('issues it: the number appears, the .docx downloads', async () => {
    await page.getByRole('button', { name: t.bulletins.issue }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.bulletins.issue }).click();
    const heading = page.getByRole('heading', { level: 3, name: /^督通〔\d{4}〕\d+号$/ });
    await expect(heading).toBeVisible();
    number = (await heading.textContent()) ?? '';
    const href = await page.getByRole('link', { name: t.bulletins.download.docx }).getAttribute('href');
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('wordprocessingml');
    expect(response.headers()['content-disposition']).toContain(encodeURIComponent(number));
    await expect(page.getByRole('article')).toContainText('一是压实责任，逐项整改销号。');
    await signOut(page);
  });

  await test.step('the lead unit finds it in its notifications and reads it', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/notifications');
    // The text names the number and the title; the number is enough to find it.
    const said = notificationText('zh-CN', { kind: 'bulletin.issued', params: { number, title: '' } }).split('《')[0];
    await page
      .getByRole('link', { name: new RegExp(`^${said}`) })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${bulletinPath}$`));
    await expect(page.getByRole('heading', { level: 3, name: number })).toBeVisible();
    await expect(page.getByRole('article')).toContainText(task.title);
    await signOut(page);
  });
});

test('pictures of the list, the editor and the preview', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
      await startInLocale(page, locale);
      await signIn(page, org.people.supervisor.username, password, locale);
      await page.goto('/bulletins');
      await page.getByRole('button', { name: text[locale].bulletins.generate }).click();
      await page.getByRole('dialog').getByRole('button', { name: text[locale].bulletins.create }).click();
      await expect(page).toHaveURL(/\/bulletins\/\d+$/);
      await expect(page.getByRole('article')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`editor-${locale}-${width}.png`), fullPage: false });
      await page.getByRole('article').screenshot({ path: testInfo.outputPath(`preview-${locale}-${width}.png`) });
      await page.goto(bulletinPath);
      await expect(page.getByRole('article')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`issued-${locale}-${width}.png`), fullPage: false });
      await page.goto('/bulletins');
      await expect(page.getByText(number).first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`list-${locale}-${width}.png`), fullPage: false });
      await signOut(page, locale);
    }
  }
});
