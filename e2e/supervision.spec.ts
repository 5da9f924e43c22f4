import { expect, type Page, test } from '@playwright/test';
import { healthReasonText } from '../src/shared/health-terms.js';
import { notificationText } from '../src/shared/notifications-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import { addDays, shanghaiToday } from './reporting-seed.js';
import { type Client, password, seedOrg, signedInClient } from './review-seed.js';
import { signIn, signOut, text, typeDate } from './support.js';

// Issue 5's journey in the browser: an overdue task shows red with its reason; the supervisor urges
// it with a message; the unit sees the urge in its inbox; the unit asks for an extension; the
// supervisor approves it; the light turns back with the new deadline, while the deadline history
// keeps the original. The server's own sweep (every 10 seconds on changed tasks) moves the light.

const t = text['zh-CN'];
const message = '请于本周内书面报告逾期原因和整改措施。';

/** Waits (the sweep runs every 10 s) until the task's light is as expected, as the API says. */
async function untilLight(client: Client, taskId: number, light: 'red' | 'green') {
  await expect
    .poll(async () => (await client.call<TaskDetail>('get', `/tasks/${taskId}`)).health?.light ?? null, {
      timeout: 60_000,
      intervals: [1_000, 2_000, 3_000],
    })
    .toBe(light);
}

async function openSupervisionTab(page: Page, taskId: number) {
  await page.goto(`/tasks/${taskId}?tab=supervision`);
  await expect(page.getByRole('heading', { name: t.supervision.health.title })).toBeVisible();
}

test('an overdue task is urged, the unit asks for more time, and the light turns back while the history keeps the original', async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(300_000);
  const org = await seedOrg(request, { lead: '市农业农村局', coop: '市水利局' });
  const { supervisor, staff } = org.people;
  const today = shanghaiToday();
  const original = addDays(today, -3);
  const extended = addDays(today, 60);
  const sup = await signedInClient(playwright, supervisor.username);
  const unitStaff = await signedInClient(playwright, staff.username);
  const staffUser = await unitStaff.call<{ id: number }>('get', '/me');
  const title = `推进高标准农田建设（${org.suffix}）`;

  const task =
    await test.step('set-up: a task assigned a while ago, acknowledged, now three days past its deadline', async () => {
      const created = await sup.call<TaskDetail>('post', '/tasks', {
        title,
        leadUnitId: org.leadUnit.id,
        responsiblePersonId: staffUser.id,
        deadline: original,
      });
      await sup.call('post', `/tasks/${created.id}/assign`, { version: created.version });
      const assigned = await unitStaff.call<TaskDetail>('get', `/tasks/${created.id}`);
      return unitStaff.call<TaskDetail>('post', `/tasks/${created.id}/acknowledge`, { version: assigned.version });
    });

  await test.step('the supervisor sees it red, with the overdue reason, and urges it with a message', async () => {
    await untilLight(sup, task.id, 'red');
    const detail = await sup.call<TaskDetail>('get', `/tasks/${task.id}`);
    const overdue = detail.health?.reasons.find((reason) => reason.code === 'overdue');
    expect(overdue).toBeDefined();
    await signIn(page, supervisor.username, password);
    await openSupervisionTab(page, task.id);
    const panel = page.getByRole('tabpanel');
    await expect(
      panel.getByText(healthReasonText(overdue as NonNullable<typeof overdue>, 'zh-CN'), { exact: true }),
    ).toBeVisible();
    await panel.getByRole('button', { name: t.supervision.urge.button }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.supervision.urge.message).fill(message);
    await dialog.getByRole('button', { name: t.supervision.urge.send }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByText(message)).toBeVisible();
    await signOut(page);
  });

  await test.step('the unit’s staff member finds the urge in the inbox and asks for an extension', async () => {
    await signIn(page, staff.username, password);
    await page.goto('/notifications');
    const said = notificationText('zh-CN', {
      kind: 'supervision.urge',
      params: { message },
      task: { number: task.number, title },
    });
    await page.getByRole('link', { name: said }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await openSupervisionTab(page, task.id);
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: t.extensions.request }).click();
    const dialog = page.getByRole('dialog');
    await typeDate(dialog.getByLabel(t.extensions.form.proposedDeadline), extended);
    await dialog.getByLabel(t.extensions.form.reason).fill('受汛期影响，部分地块土方工程推迟开工。');
    await dialog.getByLabel(t.extensions.form.progress).fill('60');
    await dialog.getByRole('button', { name: t.extensions.form.submit }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByText(t.extensions.status.pending_supervisor).first()).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervisor approves; the light turns back and the history keeps the original deadline', async () => {
    await signIn(page, supervisor.username, password);
    await openSupervisionTab(page, task.id);
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: t.extensions.actions.approve, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.extensions.actions.approve, exact: true }).click();
    await expect(panel.getByText(t.extensions.status.approved).first()).toBeVisible();

    await untilLight(sup, task.id, 'green');
    const detail = await sup.call<TaskDetail>('get', `/tasks/${task.id}`);
    expect(detail.deadline).toBe(extended);
    expect(detail.originalDeadline).toBe(original);
    await openSupervisionTab(page, task.id);
    await expect(panel.getByText(t.supervision.health.noReasons)).toBeVisible();
    await expect(panel.getByText(t.supervision.health.originalDeadline)).toBeVisible();
    await expect(panel.getByText(t.extensions.history.original).first()).toBeVisible();
    await expect(page.getByText(t.tasks.health.green).first()).toBeVisible();
  });

  await sup.dispose();
  await unitStaff.dispose();
});
