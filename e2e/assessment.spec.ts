import { expect, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Org, openKeyTask, password, seedOrg, signedInClient } from './review-seed.js';
import { fill, signIn, text, typeDate } from './support.js';

// Assessment (考核, issue 7) through the UI: the supervision office defines a period over a
// hand-picked task, computes it, reads the league table, opens the lead unit's explanation (the
// urge it received costs points, linked to the task), and freezes the period for good.

const t = text['zh-CN'].assessment;
const year = new Date().getFullYear();

let org: Org;
let task: TaskDetail;

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市交通运输局', coop: '市公安局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  task = await openKeyTask(sup, staff, org, `打通城市断头路${org.suffix}`);
  // A fact the default scheme scores: an urge received in the period (lead unit: −0.5).
  await sup.call('post', '/supervision/urges', { taskIds: [task.id], kind: 'urge', message: '请加快进度' });
  await sup.dispose();
  await staff.dispose();
});

test('a supervisor defines, computes, explains and freezes an assessment period', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `${year}年度考核${org.suffix}`;

  await test.step('the supervisor defines a period over a hand-picked task', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/assessment');
    await page.getByRole('button', { name: t.newPeriod }).first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: t.form.createTitle });
    await dialog.getByLabel(t.form.name).fill(name);
    await typeDate(dialog.getByLabel(t.form.startsOn), `${year}-01-01`);
    await typeDate(dialog.getByLabel(t.form.endsOn), `${year}-12-31`);
    await dialog.getByLabel(t.form.taskIds).fill(task.title);
    await page.locator('.ant-select-item-option', { hasText: task.number }).click();
    await dialog.getByLabel(t.form.handPickedOnly).check();
    await dialog.getByRole('button', { name: t.form.create }).click();
    await expect(page).toHaveURL(/\/assessment\/\d+$/);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText(t.period.notComputedTitle)).toBeVisible();
  });

  await test.step('computes it and sees the league table', async () => {
    await page.getByRole('button', { name: t.actions.compute }).first().click();
    await expect(page.getByText(fill(t.period.computed, { count: 1 }))).toBeVisible();
    await expect(page.getByText(fill(t.period.taskCount, { count: 1 }), { exact: true })).toBeVisible();
    const explain = page.getByRole('button', { name: fill(t.league.explain, { unit: org.leadUnit.name }) });
    await expect(explain).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(org.leadUnit.name) })).toContainText('99.5');
  });

  await test.step('opens the lead unit’s explanation and sees the urge behind the deduction', async () => {
    await page.getByRole('button', { name: fill(t.league.explain, { unit: org.leadUnit.name }) }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: fill(t.points.title, { unit: org.leadUnit.name }) });
    await expect(drawer.getByText(fill(t.points.formula, { base: 100, sum: '-0.5', score: 99.5 }))).toBeVisible();
    await expect(drawer.getByText(t.rules.urge_received.name)).toBeVisible();
    const link = drawer.getByRole('link', { name: new RegExp(task.number) });
    await expect(link).toHaveAttribute('href', `/tasks/${task.id}?tab=history`);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('freezes it: the status shows frozen and computing is disabled', async () => {
    await page.getByRole('button', { name: t.actions.freeze }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: fill(t.actions.freezeTitle, { name }) });
    await expect(confirm).toContainText(t.actions.freezeContent);
    await confirm.getByRole('button', { name: t.actions.freeze }).click();
    await expect(page.getByText(t.status.frozen, { exact: true })).toBeVisible();
    await expect(page.getByText(t.period.frozenNotice)).toBeVisible();
    await expect(page.getByRole('button', { name: t.actions.recompute })).toBeDisabled();
    await expect(page.getByRole('button', { name: t.actions.freeze })).toHaveCount(0);
  });
});
