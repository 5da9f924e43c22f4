import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Client, password, seedOrg, signedInClient } from './review-seed.js';
import { adminApi, signIn, text } from './support.js';

// Issue 8's must-show for the cockpit: a leader signs in and lands on the cockpit, clicks the red
// bar of the unit in their charge, gets the list behind it (the same tasks the bar counts) and
// opens a task. Then the cockpit on a phone, in English, with the figures and charts readable.

const t = text['zh-CN'];
const en = text.en;

test.describe.configure({ mode: 'serial' });

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Waits for the server's sweep (every 10 s on changed tasks) to light a task red. */
async function untilRed(client: Client, taskId: number) {
  await expect
    .poll(async () => (await client.call<TaskDetail>('get', `/tasks/${taskId}`)).health?.light ?? null, {
      timeout: 60_000,
      intervals: [1_000, 2_000, 3_000],
    })
    .toBe('red');
}

/** The top-most red bar of the unit-lights chart (the legend's red key sits below the bars). */
async function clickRedBar(page: Page) {
  const chart = page.getByTestId('chart-unit-lights');
  const bars = chart.locator('svg path[fill="#d9363e"]');
  await expect(bars.first()).toBeVisible();
  const boxes = await bars.evaluateAll((paths) =>
    paths.map((path) => {
      const box = path.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
    }),
  );
  const bar = boxes.filter((box) => box.width > 0).sort((a, b) => a.y - b.y)[0];
  if (!bar) throw new Error('no red bar drawn');
  await page.mouse.click(bar.x, bar.y);
}

let leader = { username: '', displayName: '' };
let unitName = '';
const titles: string[] = [];

test.beforeAll(async ({ request, playwright }) => {
  test.setTimeout(180_000);
  const org = await seedOrg(request, { lead: '市城市管理局', coop: '市住建局' });
  unitName = org.leadUnit.name;
  leader = { username: `ld${org.suffix}`, displayName: `王副市长${org.suffix}` };
  const api = await adminApi(request);
  await api.createUser({ ...leader, password, roles: ['leader'], unitsInChargeIds: [org.leadUnit.id] });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const made: TaskDetail[] = [];
  for (const [title, isKey] of [
    [`占道经营整治${org.suffix}`, true],
    [`背街小巷改造${org.suffix}`, false],
  ] as const) {
    const task = await sup.call<TaskDetail>('post', '/tasks', {
      title,
      isKey,
      leadUnitId: org.leadUnit.id,
      deadline: daysAgo(15),
    });
    await sup.call('post', `/tasks/${task.id}/assign`, { version: task.version });
    made.push(task);
    titles.push(title);
  }
  // A task of the other unit, outside the leader's charge: never on their cockpit.
  const other = await sup.call<TaskDetail>('post', '/tasks', {
    title: `不在分管范围${org.suffix}`,
    leadUnitId: org.coopUnit.id,
    deadline: daysAgo(15),
  });
  await sup.call('post', `/tasks/${other.id}/assign`, { version: other.version });
  for (const task of made) await untilRed(sup, task.id);
  await sup.dispose();
});

test('a leader lands on the cockpit, clicks a red bar, gets the list behind it and opens a task', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, leader.username, password);
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByRole('heading', { name: t.cockpit.title })).toBeVisible();
  await expect(page.getByTestId('figure-red')).toContainText('2');
  await expect(page.getByTestId('figure-overdue')).toContainText('2');
  await expect(page.getByTestId('attention')).toContainText(titles[0] as string);
  await expect(page.getByTestId('cockpit')).not.toContainText('不在分管范围');
  await expect(page.getByTestId('chart-heat').locator('svg')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('cockpit-leader-1280.png'), fullPage: true });

  await clickRedBar(page);
  await expect(page).toHaveURL(/\/tasks\?.*light=red/);
  const url = new URL(page.url());
  expect(url.searchParams.get('unitRole')).toBe('lead');
  for (const title of titles) await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  await expect(page.getByText('不在分管范围')).toHaveCount(0);

  await page
    .getByRole('link', { name: titles[0] as string })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tasks\/\d+/);
  await expect(page.getByRole('heading', { name: titles[0] as string })).toBeVisible();
});

test('the cockpit reads on a phone, in English, and keeps its filters in the address', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, leader.username, password, 'en');
  await expect(page.getByRole('heading', { name: en.cockpit.title })).toBeVisible();
  await expect(page.getByTestId('figure-red')).toContainText('2');
  // No part of the page is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.getByText(en.cockpit.filters.keyOnly).click();
  await expect(page).toHaveURL(/keyOnly=1/);
  await expect(page.getByTestId('figure-red')).toContainText('1');
  await page.reload();
  await expect(page.getByTestId('figure-red')).toContainText('1');
  await expect(page.getByTestId('chart-unit-lights').locator('svg')).toBeVisible();
  await expect(page.getByTestId('chart-heat').locator('svg')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('cockpit-leader-375-en.png'), fullPage: true });
  await expect(page.getByText(unitName).first()).toBeVisible();
  await context.close();
});
