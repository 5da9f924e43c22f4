import { expect, test } from '@playwright/test';
import { type NotificationKind, notificationText } from '../src/shared/notifications-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type ScreensData, seedScreens, settle, shoot } from './review-screens.js';
import {
  type Org,
  openKeyTask,
  PDF_BYTES,
  type PlanAnswer,
  password,
  seedOrg,
  signedInClient,
  year,
} from './review-seed.js';
import {
  admin,
  adminApi,
  confirmAction,
  fill,
  signIn,
  signOut,
  statusTag,
  text,
  typeDate,
  useLocale,
} from './support.js';

// Plans (办理方案) and closure (申请办结 / 办结审核) through the UI, start to finish, with the
// notifications each step sends to the person who acts next; then pictures of the screens at
// desktop and phone width in zh-CN and en.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let task: TaskDetail;
let taskRef = { number: '', title: '' };
/** A notification's text as the zh-CN inbox shows it. */
const said = (kind: NotificationKind, params: Record<string, string> = {}) =>
  notificationText('zh-CN', { kind, params, task: taskRef });
const returnReason = '目标值偏低，请对照年度任务上调新开工套数。';

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市住房和城乡建设局', coop: '市自然资源和规划局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  task = await openKeyTask(sup, staff, org, `加快保障性住房建设${org.suffix}`);
  taskRef = { number: task.number, title: task.title };
  await sup.dispose();
  await staff.dispose();
});

test('a plan is drafted, approved, returned with a reason, fixed, and accepted', async ({ page }) => {
  test.setTimeout(180_000); // six people sign in and out in turn
  const planTab = `/tasks/${task.id}?tab=plan`;
  const editor = page.getByRole('dialog');

  await test.step('the lead unit staff drafts it: a content error lands on its line', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto(planTab);
    await expect(page.getByRole('tab', { name: t.plans.tab })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: t.plans.create }).click();
    await expect(editor.getByText(t.plans.editor.createTitle)).toBeVisible();

    const target = editor.getByRole('group', { name: fill(t.plans.editor.targetN, { n: 1 }) });
    await target.getByLabel(t.plans.fields.target.name).fill('新开工保障性住房');
    await target.getByLabel(t.plans.fields.target.measureUnit).fill('套');
    await target.getByLabel(t.plans.fields.target.baseline).fill('0');
    await target.getByLabel(t.plans.fields.target.targetValue).fill('1200');
    const milestone = editor.getByRole('group', { name: fill(t.plans.editor.milestoneN, { n: 1 }) });
    await typeDate(milestone.getByLabel(t.plans.fields.milestone.date), `${year}-06-30`);
    await milestone.getByLabel(t.plans.fields.milestone.deliverable).fill('全部项目完成供地');
    await milestone.getByLabel(t.plans.fields.milestone.evidenceRequired).check();
    await editor.getByRole('button', { name: t.plans.editor.addQuarter }).click();
    await editor.getByRole('button', { name: t.plans.editor.addQuarter }).click();
    const first = editor.getByRole('group', { name: fill(t.plans.editor.quarterN, { n: 1 }) });
    const second = editor.getByRole('group', { name: fill(t.plans.editor.quarterN, { n: 2 }) });
    await first.getByLabel(t.plans.fields.quarter.percent).fill('60');
    await second.getByLabel(t.plans.fields.quarter.percent).fill('40');
    await editor.getByRole('button', { name: t.plans.editor.save }).click();
    // 形象进度 may not go down: the server names the second line, and the form shows it there.
    await expect(second).toContainText('60%');
    await expect(page.getByText(t.plans.editor.fixFields)).toBeVisible();

    await second.getByLabel(t.plans.fields.quarter.percent).fill('80');
    await editor.getByRole('button', { name: t.plans.editor.save }).click();
    await expect(page.getByText(t.plans.editor.saved)).toBeVisible();
    await expect(editor).toBeHidden();
    await expect(statusTag(page, t.plans.status.draft)).toBeVisible();
    await expect(page.getByRole('tabpanel')).toContainText('全部项目完成供地');
    await expect(page.getByRole('tabpanel').getByText(t.plans.view.evidenceRequired)).toBeVisible();

    await confirmAction(page, t.plans.actions.submit);
    await expect(page.getByText(t.plans.actionDone.submit)).toBeVisible();
    await expect(statusTag(page, t.plans.status.pending_head)).toBeVisible();
    await signOut(page);
  });

  await test.step('the unit head is notified (bell) and approves', async () => {
    await signIn(page, org.people.head.username, password);
    const bell = page.getByRole('button', { name: new RegExp(fill(t.notifications.bellUnread, { count: '\\d+' })) });
    await bell.click();
    const notice = said('plan.pending_head');
    await page.getByRole('link', { name: notice }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}\\?tab=plan$`));
    await confirmAction(page, t.plans.actions.approve);
    await expect(statusTag(page, t.plans.status.pending_supervisor)).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervisor finds it in the review queue and returns it, with a reason', async () => {
    await signIn(page, org.people.supervisor.username, password);
    const nav = page.getByRole('navigation', { name: t.nav.mainNavigation });
    await nav.getByRole('link', { name: t.reviews.nav }).click();
    await expect(page.getByRole('heading', { name: t.reviews.title })).toBeVisible();
    const card = page.getByRole('listitem', { name: task.title });
    await expect(card).toContainText(t.reviews.kinds.plan);
    await expect(card).toContainText(t.reviews.status.pending_supervisor);
    await card.getByRole('link', { name: task.title }).click();
    await expect(page).toHaveURL(/\?tab=plan$/);

    await page.getByRole('tabpanel').getByRole('button', { name: t.plans.actions.return, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: t.plans.actions.return, exact: true }).click();
    await expect(dialog.getByText(fill(t.validation.required, { field: t.plans.reason.label }))).toBeVisible();
    await dialog.getByLabel(t.plans.reason.label).fill(returnReason);
    await dialog.getByRole('button', { name: t.plans.actions.return, exact: true }).click();
    await expect(page.getByText(t.plans.actionDone.return)).toBeVisible();
    await expect(statusTag(page, t.plans.status.returned)).toBeVisible();
    await signOut(page);
  });

  await test.step('the cooperating unit writes its part while the plan is open again', async () => {
    await signIn(page, org.people.coopStaff.username, password);
    await page.goto(planTab);
    const parts = page.getByRole('tabpanel').getByRole('region', { name: t.plans.sections.parts });
    await parts.getByRole('button', { name: t.plans.editPart }).click();
    await editor.getByLabel(t.plans.parts.text).fill('负责保障项目建设用地，6月底前完成供地手续。');
    await editor.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByText(t.plans.parts.saved)).toBeVisible();
    await expect(parts).toContainText('6月底前完成供地手续');
    await signOut(page);
  });

  await test.step('the staff reads why in the notifications, fixes the plan and resubmits', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/notifications');
    await page.getByRole('link', { name: said('plan.returned', { reason: returnReason }) }).click();
    await expect(page.getByRole('tabpanel').getByRole('alert')).toContainText(returnReason);
    await page.getByRole('tabpanel').getByRole('button', { name: t.plans.edit }).click();
    const target = editor.getByRole('group', { name: fill(t.plans.editor.targetN, { n: 1 }) });
    await expect(target.getByLabel(t.plans.fields.target.name)).toHaveValue('新开工保障性住房');
    await target.getByLabel(t.plans.fields.target.targetValue).fill('1500');
    await editor.getByRole('button', { name: t.plans.editor.saveAndSubmit }).click();
    await expect(page.getByText(t.plans.actionDone.submit)).toBeVisible();
    await expect(statusTag(page, t.plans.status.pending_head)).toBeVisible();
    await signOut(page);
  });

  await test.step('the head approves again and the supervisor accepts', async () => {
    await signIn(page, org.people.head.username, password);
    await page.goto(planTab);
    await confirmAction(page, t.plans.actions.approve);
    await expect(statusTag(page, t.plans.status.pending_supervisor)).toBeVisible();
    await signOut(page);

    await signIn(page, org.people.supervisor.username, password);
    await page.goto(planTab);
    await confirmAction(page, t.plans.actions.accept);
    await expect(statusTag(page, t.plans.status.accepted)).toBeVisible();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toContainText('1,500');
    const rounds = panel.getByRole('region', { name: t.plans.sections.rounds });
    await expect(rounds).toContainText(t.plans.rounds.return);
    await expect(rounds).toContainText(returnReason);
    await expect(rounds.getByText(t.plans.rounds.approve)).toHaveCount(2);
    await signOut(page);
  });

  await test.step('the lead unit and the cooperating unit hear that it was accepted', async () => {
    const accepted = said('plan.accepted');
    for (const person of [org.people.staff, org.people.coopStaff]) {
      await signIn(page, person.username, password);
      await page.goto('/notifications?unread=1');
      await expect(page.getByRole('link', { name: accepted })).toBeVisible();
      await signOut(page);
    }
  });
});

test('the lead unit applies for closure with a PDF, the head approves, the supervisor accepts: closed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const closureTab = `/tasks/${task.id}?tab=closure`;
  const form = page.getByRole('dialog');
  const fileName = `竣工验收报告${org.suffix}.pdf`;

  await test.step('the staff applies; a key task needs evidence, so a PDF is uploaded', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto(closureTab);
    await page.getByRole('tabpanel').getByRole('button', { name: t.closure.apply }).click();
    await expect(form.getByText(t.closure.form.evidenceRequired)).toBeVisible();
    await form.getByLabel(t.closure.fields.summary).fill('全年新开工保障性住房1500套，全部项目完成供地并开工。');
    const target = form.getByRole('group', { name: '新开工保障性住房' });
    await target.getByLabel(t.closure.fields.achieved).fill('1500');
    await form.getByRole('button', { name: t.closure.form.saveAndSubmit }).click();
    await expect(form.locator('.ant-form-item-explain-error')).toContainText('佐证');

    await form
      .locator('input[type=file]')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF_BYTES });
    await expect(form.getByRole('list', { name: t.closure.evidence.listLabel })).toContainText(fileName);
    await form.getByRole('button', { name: t.closure.form.saveAndSubmit }).click();
    await expect(page.getByText(t.closure.actionDone.submit)).toBeVisible();
    await expect(form).toBeHidden();
    await expect(statusTag(page, t.closure.status.pending_head)).toBeVisible();
    const evidence = page.getByRole('tabpanel').getByRole('list', { name: t.closure.evidence.listLabel });
    await expect(evidence).toContainText(fileName);
    await expect(
      evidence.getByRole('link', { name: fill(t.closure.evidence.downloadFile, { name: fileName }) }),
    ).toHaveAttribute('href', /\/api\/v1\/files\/\d+\/content$/);
    await signOut(page);
  });

  await test.step('the head approves: the task now waits for the supervision office', async () => {
    await signIn(page, org.people.head.username, password);
    await page.goto('/notifications');
    await page.getByRole('link', { name: said('closure.pending_head') }).click();
    await confirmAction(page, t.closure.actions.approve);
    await expect(statusTag(page, t.closure.status.pending_supervisor)).toBeVisible();
    await expect(page.getByRole('main').getByText(t.tasks.status.closure_requested).first()).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervisor is notified and accepts: the task is closed', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.getByRole('button', { name: new RegExp(fill(t.notifications.bellUnread, { count: '\\d+' })) }).click();
    await page.getByRole('link', { name: said('closure.pending_supervisor') }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}\\?tab=closure$`));
    await confirmAction(page, t.closure.actions.accept);
    await expect(page.getByText(t.closure.actionDone.accept)).toBeVisible();
    await expect(statusTag(page, t.closure.status.accepted)).toBeVisible();
    await expect(page.getByRole('main').getByText(t.tasks.status.closed).first()).toBeVisible();
    const rounds = page.getByRole('tabpanel').getByRole('region', { name: t.closure.sections.rounds });
    await expect(rounds).toContainText(t.closure.rounds.submit);
    await expect(rounds).toContainText(t.closure.rounds.accept);
    await signOut(page);
  });

  await test.step('the lead unit hears that the task is closed', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/notifications');
    await expect(page.getByRole('link', { name: said('closure.accepted') })).toBeVisible();
    await page.getByRole('button', { name: t.notifications.markAllRead }).click();
    await expect(page.getByText(t.notifications.allRead)).toBeVisible();
    await expect(page.getByRole('button', { name: t.notifications.bell, exact: true })).toBeVisible();
  });
});

test('a plan someone else saved meanwhile: the editor says so and starts again from the latest', async ({
  page,
  playwright,
}) => {
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  const other = await openKeyTask(sup, staff, org, `推进城市更新行动${org.suffix}`);
  const body = { targets: [{ name: '完成老旧小区改造', measureUnit: '个', baseline: 0, targetValue: 30 }] };
  const drafted = await staff.call<PlanAnswer>('put', `/tasks/${other.id}/plan`, { version: 0, ...body });

  await signIn(page, org.people.staff.username, password);
  await page.goto(`/tasks/${other.id}?tab=plan`);
  await page.getByRole('tabpanel').getByRole('button', { name: t.plans.edit }).click();
  const editor = page.getByRole('dialog');
  const target = editor.getByRole('group', { name: fill(t.plans.editor.targetN, { n: 1 }) });
  await expect(target.getByLabel(t.plans.fields.target.name)).toHaveValue('完成老旧小区改造');

  // A colleague saves first.
  const [first] = drafted.plan?.content.targets ?? [];
  await staff.call('put', `/tasks/${other.id}/plan`, {
    version: drafted.plan?.version,
    targets: [{ ...first, name: '完成老旧小区改造（含加装电梯）' }],
  });

  await target.getByLabel(t.plans.fields.target.targetValue).fill('35');
  await editor.getByRole('button', { name: t.plans.editor.save }).click();
  await expect(editor.getByText(t.plans.editor.conflict)).toBeVisible();
  await expect(target.getByLabel(t.plans.fields.target.name)).toHaveValue('完成老旧小区改造（含加装电梯）');
  await expect(target.getByLabel(t.plans.fields.target.targetValue)).toHaveValue('30');
  await sup.dispose();
  await staff.dispose();
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

test.describe('screenshots', () => {
  let data: ScreensData;
  test.beforeAll(async ({ request, playwright }) => {
    data = await seedScreens(request, playwright);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const viewport of viewports) {
      test(`plans, closure, notifications and reviews (${locale}, ${viewport.width}px)`, async ({ page }) => {
        test.setTimeout(120_000);
        const tl = text[locale];
        const prefix = `${locale}-${viewport.width}-review`;
        const { org, revised, closing, pending } = data;
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await useLocale(page, locale);

        await signIn(page, org.people.staff.username, password, locale);
        await page.goto(`/tasks/${revised.id}?tab=plan`);
        const panel = page.getByRole('tabpanel');
        await expect(panel.getByText(fill(tl.plans.acceptedVersion, { n: 1 }))).toBeVisible();
        const diff = panel.getByRole('region', { name: fill(tl.plans.diff.title, { from: 1, to: 2 }) });
        await expect(diff).toContainText(tl.plans.diff.added);
        await expect(diff).toContainText(tl.plans.diff.removed);
        await expect(diff).toContainText('棚户区改造');
        await expect(diff).toContainText('1,200');
        await shoot(page, `${prefix}-plan-view`);
        await settle(page);
        await diff.scrollIntoViewIfNeeded();
        await diff.screenshot({ path: `test-results/screenshots/${prefix}-plan-diff.png` });

        await panel.getByRole('button', { name: tl.plans.edit }).click();
        const editor = page.getByRole('dialog');
        await expect(editor.getByRole('group', { name: fill(tl.plans.editor.targetN, { n: 3 }) })).toBeVisible();
        await shoot(page, `${prefix}-plan-editor`, false);
        await editor.getByRole('button', { name: tl.common.cancel }).click();
        await expect(editor).toBeHidden();

        await page.goto(`/tasks/${revised.id}?tab=closure`);
        await panel.getByRole('button', { name: tl.closure.apply }).click();
        await expect(editor.getByRole('group', { name: '新开工保障性住房' })).toBeVisible();
        await shoot(page, `${prefix}-closure-form`, false);
        await editor.getByRole('button', { name: tl.common.cancel }).click();
        await expect(editor).toBeHidden();
        await settle(page);
        await signOut(page, locale);

        await signIn(page, org.people.supervisor.username, password, locale);
        await page.goto(`/tasks/${pending.id}?tab=plan`);
        await expect(panel.getByRole('button', { name: tl.plans.actions.accept, exact: true })).toBeVisible();
        await shoot(page, `${prefix}-plan-review`);

        await page.goto(`/tasks/${closing.id}?tab=closure`);
        await expect(panel.getByRole('button', { name: tl.closure.actions.accept, exact: true })).toBeVisible();
        await expect(panel.getByRole('list', { name: tl.closure.evidence.listLabel })).toContainText('.pdf');
        await shoot(page, `${prefix}-closure`);

        await page.goto('/reviews');
        await expect(page.getByRole('listitem', { name: closing.title })).toContainText(tl.reviews.kinds.closure);
        await expect(page.getByRole('listitem', { name: pending.title })).toContainText(tl.reviews.kinds.plan);
        await shoot(page, `${prefix}-reviews`);

        await page.goto('/notifications');
        await expect(page.getByRole('heading', { name: tl.notifications.title })).toBeVisible();
        await expect(page.getByRole('list', { name: tl.notifications.title })).toContainText(closing.title);
        await shoot(page, `${prefix}-notifications`);
        // The bell opens the newest notifications on a desktop and goes to the page on a phone.
        await page.goto('/reviews');
        await page
          .getByRole('button', { name: new RegExp(fill(tl.notifications.bellUnread, { count: '\\d+' })) })
          .click();
        if (viewport.name === 'desktop') {
          await expect(page.getByRole('link', { name: tl.notifications.seeAll })).toBeVisible();
          await shoot(page, `${prefix}-bell`, false);
        } else {
          await expect(page).toHaveURL(/\/notifications$/);
        }
      });
    }
  }
});

test('an administrator sets the plan and closure rules on the settings page', async ({ page, request }) => {
  await adminApi(request); // signs `request` in as the admin, to read the settings back
  const read = async (path: string) => (await (await request.get(`/api/v1${path}`)).json()) as Record<string, unknown>;
  await signIn(page, admin.username, admin.password);
  await page.goto('/settings');
  const planSwitch = page.getByRole('switch', { name: t.plans.settings.requireAccepted });
  const closureSwitch = page.getByRole('switch', { name: t.closure.settings.leaderConfirms });
  const before = { plans: await read('/settings/plans'), closure: await read('/settings/closure') };

  await planSwitch.click();
  await expect(page.getByText(t.plans.settings.saved)).toBeVisible();
  await closureSwitch.click();
  await expect(page.getByText(t.closure.settings.saved)).toBeVisible();
  expect((await read('/settings/plans')).requireAcceptedForKeyTasks).toBe(!before.plans.requireAcceptedForKeyTasks);
  expect((await read('/settings/closure')).leaderConfirmsKeyTasks).toBe(!before.closure.leaderConfirmsKeyTasks);
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await shoot(page, `zh-CN-${viewport.width}-review-settings`);
  }

  // Back as they were, for the other specs on this server.
  await planSwitch.click();
  await expect(planSwitch).toHaveAttribute('aria-checked', String(before.plans.requireAcceptedForKeyTasks));
  await closureSwitch.click();
  await expect(closureSwitch).toHaveAttribute('aria-checked', String(before.closure.leaderConfirmsKeyTasks));
  await expect
    .poll(async () => (await read('/settings/closure')).leaderConfirmsKeyTasks)
    .toBe(before.closure.leaderConfirmsKeyTasks);
});
