import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Client, deadline, type Org, password, seedOrg, signedInClient } from './review-seed.js';
import { fill, signIn, text, useLocale } from './support.js';

// The item-by-item review (逐项分析) through the UI: a supervisor classifies two failures of a
// computed period from the keyboard alone — one objective, one subjective reason — after a save
// without a reason is refused inline, and sees the progress and the chart's counts follow.
// Pictures of the worksheet at desktop and phone width in zh-CN and en go to test-results/screenshots.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let sup: Client;
let periodId = 0;

/** An open task of the lead unit, assigned (so the period covers it; open = not done). */
async function assignedTask(title: string): Promise<TaskDetail> {
  const created = await sup.call<TaskDetail>('post', '/tasks', { title, leadUnitId: org.leadUnit.id, deadline });
  return sup.call<TaskDetail>('post', `/tasks/${created.id}/assign`, { version: created.version });
}

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市水务局', coop: '市财政局' });
  sup = await signedInClient(playwright, org.people.supervisor.username);
  const titles = ['城市内涝点整治', '污水管网改造', '海绵城市试点'];
  const tasks = [];
  for (const title of titles) tasks.push(await assignedTask(`${title}${org.suffix}`));
  const year = new Date().getFullYear();
  const period = await sup.call<{ id: number }>('post', '/assessment/periods', {
    name: `${year}年度考核${org.suffix}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    selection: { taskIds: tasks.map((task) => task.id), handPickedOnly: true },
  });
  await sup.call('post', `/assessment/periods/${period.id}/compute`);
  periodId = period.id;
});
test.afterAll(() => sup.dispose());

/** Picks a reason from the keyboard: r opens the select, typing filters, Enter chooses and moves on to the explanation. */
async function chooseReason(page: Page, typed: string, label: string) {
  await page.keyboard.press('r');
  await page.keyboard.type(typed);
  // The filtered option is drawn a frame later; a person never types faster than that.
  await expect(page.locator('.ant-select-item-option').filter({ hasText: label })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: t.review.explanation })).toBeFocused();
}

test('a supervisor classifies two failures from the keyboard and sees the chart counts', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, org.people.supervisor.username, password);
  await page.goto(`/assessment/${periodId}/review`);
  const progress = page.getByTestId('review-progress');
  await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 0, total: 3 }));

  await test.step('a save without a reason is refused inline, in the person’s language', async () => {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('原因');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 0, total: 3 }));
  });

  await test.step('the first failure: an objective reason, saved with Ctrl+S', async () => {
    await chooseReason(page, '资金', '资金不到位');
    await page.keyboard.type('专项资金下达较晚，影响开工。');
    await page.keyboard.press('Control+s');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 1, total: 3 }));
  });

  await test.step('the second failure: a subjective reason, saved with Ctrl+Enter', async () => {
    await expect(page.locator('tr[aria-selected="true"]')).toContainText(`污水管网改造${org.suffix}`);
    await chooseReason(page, '不作为', '不作为/慢作为');
    await page.keyboard.type('牵头单位推进缓慢，多次催办未见成效。');
    await page.keyboard.press('Control+Enter');
    await expect(progress).toHaveText(fill(t.review.progress, { reviewed: 2, total: 3 }));
    await expect(page.locator('tr[aria-selected="true"]')).toContainText(`海绵城市试点${org.suffix}`);
  });

  await test.step('the list and the chart show the reasons', async () => {
    await expect(page.locator('tbody tr').first()).toContainText('资金不到位');
    await expect(page.locator('tbody tr').nth(1)).toContainText('不作为/慢作为');
    await expect(page.getByText(fill(t.review.chart.summary, { objective: 1, subjective: 1 }))).toBeVisible();
    await expect(page.getByRole('img', { name: t.review.chart.label })).toBeVisible();
  });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
] as const;

for (const locale of ['zh-CN', 'en'] as const) {
  for (const viewport of viewports) {
    test(`screenshots of the worksheet, ${locale} ${viewport.name}`, async ({ page }) => {
      const words = text[locale];
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await useLocale(page, locale);
      await signIn(page, org.people.supervisor.username, password, locale);
      await page.goto(`/assessment/${periodId}/review`);
      await expect(page.getByTestId('review-progress')).toHaveText(
        fill(words.review.progress, { reviewed: 2, total: 3 }),
      );
      await expect(page.getByRole('img', { name: words.review.chart.label })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.waitForTimeout(1200); // the chart's bars grow in; picture them grown
      await page.screenshot({ path: `test-results/screenshots/review-${locale}-${viewport.name}.png`, fullPage: true });
    });
  }
}
