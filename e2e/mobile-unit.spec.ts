import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { deadline, type Org, password, seedOrg, signedInClient } from './review-seed.js';
import { signIn, text } from './support.js';

// Issue 8 item 5: a unit's everyday flows on a 375 px phone — the inbox, acknowledging a task from
// it, the task itself, and answering a supervision notice (督办单) — with nothing wider than the
// screen. (A report with a photo from the camera is in pwa.spec.ts.)

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

let org: Org;
let task: TaskDetail;
let noticeNumber = '';

/** Nothing on the page is wider than the phone. */
async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市市场监督管理局', coop: '市商务局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const created = await sup.call<TaskDetail>('post', '/tasks', {
    title: `食品安全专项整治行动${org.suffix}`,
    leadUnitId: org.leadUnit.id,
    deadline,
  });
  task = await sup.call<TaskDetail>('post', `/tasks/${created.id}/assign`, { version: created.version });
  const notices = await sup.call<{ items: Array<{ number: string }> }>('post', '/notices', { taskIds: [task.id] });
  noticeNumber = notices.items[0]?.number ?? '';
  await sup.dispose();
});

test('a unit acknowledges a task from its inbox and answers a notice, on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, org.people.staff.username, password);

  await test.step('the inbox lists the task to acknowledge, and acknowledging it takes one tap', async () => {
    await page.goto('/inbox');
    await expect(page.getByRole('heading', { name: t.inbox.title })).toBeVisible();
    await expect(page.getByText(task.title).first()).toBeVisible();
    await expectNoSideways(page);
    await page.screenshot({ path: test.info().outputPath('inbox-375.png'), fullPage: true });
    await page.getByRole('button', { name: t.inbox.acknowledgeTask.replace('{{title}}', task.title) }).click();
    await expect(page.getByText(t.inbox.acknowledged.replace('{{title}}', task.title))).toBeVisible();
  });

  await test.step('the task reads on the phone', async () => {
    await page.goto(`/tasks/${task.id}`);
    await expect(page.getByRole('heading', { name: task.title })).toBeVisible();
    await expect(page.getByText(t.tasks.status.in_progress).first()).toBeVisible();
    await expectNoSideways(page);
    await page.screenshot({ path: test.info().outputPath('task-375.png'), fullPage: true });
  });

  await test.step('the notice is answered in writing', async () => {
    await page.goto('/notices');
    const card = page.getByRole('listitem', { name: noticeNumber });
    await expect(card).toBeVisible();
    await expectNoSideways(page);
    await card.getByRole('button', { name: t.notices.respond }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.notices.respondForm.label).fill('已开展全市食品经营单位拉网式排查，整改问题 36 处。');
    const box = await dialog.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(375);
    await page.screenshot({ path: test.info().outputPath('notice-respond-375.png') });
    await dialog.getByRole('button', { name: t.notices.respondForm.submit }).click();
    await expect(card.getByText(t.notices.status.responded)).toBeVisible();
    await expectNoSideways(page);
  });
});
