import { expect, type Page, test } from '@playwright/test';
import type { Rectification } from '../src/shared/rectifications-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import {
  type Client,
  deadline,
  type Org,
  openKeyTask,
  PDF_BYTES,
  password,
  seedOrg,
  signedInClient,
} from './review-seed.js';
import { pickTreeOption, signIn, signOut, text, typeDate, useLocale } from './support.js';

// Rectification items (整改) through the UI: the supervision office creates one from the list
// page's dialog, and the owner unit finds it in its inbox as a task tagged 整改. Pictures of the list
// and the dialog at desktop and phone width in zh-CN and en go to test-results/screenshots.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let origin: TaskDetail;
let sup: Client;

let staff: Client;
let head: Client;

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市住房和城乡建设局', coop: '市财政局' });
  sup = await signedInClient(playwright, org.people.supervisor.username);
  staff = await signedInClient(playwright, org.people.staff.username);
  head = await signedInClient(playwright, org.people.head.username);
  origin = await openKeyTask(sup, staff, org, `城镇老旧小区改造${org.suffix}`);
});
test.afterAll(async () => {
  await Promise.all([sup.dispose(), staff.dispose(), head.dispose()]);
});

/** POST /rectifications as the supervision office, on the lead unit. */
function createItem(body: object): Promise<Rectification> {
  return sup.call<Rectification>('post', '/rectifications', {
    originType: 'inspection',
    originTaskId: origin.id,
    finding: '部分项目未按方案节点推进，资金拨付滞后。',
    measures: '建立问题清单，逐项明确责任人和完成时限。',
    leadUnitId: org.leadUnit.id,
    deadline,
    ...body,
  });
}

/** Items in every state the list shows: signed off, overdue, carried over from an ended period. */
async function seedShowcase(): Promise<void> {
  const done = await createItem({ title: `棚改项目资金拨付滞后整改${org.suffix}` });
  const task = await staff.call<TaskDetail>('get', `/tasks/${done.taskId}`);
  await staff.call('post', `/tasks/${done.taskId}/acknowledge`, { version: task.version });
  const file = await staff.upload(done.taskId, '整改佐证.pdf', PDF_BYTES, 'application/pdf');
  await staff.call('put', `/tasks/${done.taskId}/closure`, {
    version: 0,
    summary: '资金已全部拨付。',
    fileIds: [file.id],
  });
  await head.call('post', `/tasks/${done.taskId}/closure/actions`, { action: 'submit', version: 1 });
  const closure = await sup.call<{ application: { version: number } }>('get', `/tasks/${done.taskId}/closure`);
  await sup.call('post', `/tasks/${done.taskId}/closure/actions`, {
    action: 'accept',
    reason: '整改到位，同意销号。',
    version: closure.application.version,
  });
  await createItem({ title: `安置房交付逾期整改${org.suffix}`, deadline: '2025-03-31' });
  const year = new Date().getFullYear() - 1;
  const period = await sup.call<{ id: number }>('post', '/assessment/periods', {
    name: `${year}年度考核${org.suffix}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    selection: { taskIds: [origin.id], handPickedOnly: true },
  });
  await createItem({
    originType: 'review',
    periodId: period.id,
    title: `年度考核未完成事项整改${org.suffix}`,
    finding: '年度目标未完成：征收协调不力，开工延误。',
  });
}

/** No sideways scrolling at this width. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the supervision office creates a rectification and the unit finds it in its inbox', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `老旧小区改造进度滞后整改${org.suffix}`;

  await test.step('the supervision office creates it from the list page', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto('/rectifications');
    await page.getByRole('button', { name: t.rectifications.create.button }).click();
    const dialog = page.getByRole('dialog', { name: t.rectifications.create.title });
    await dialog.getByLabel(t.rectifications.fields.title).fill(title);
    await dialog.getByLabel(t.rectifications.fields.finding).fill('二季度开工率不足三成，进度明显滞后。');
    await dialog.getByLabel(t.rectifications.fields.measures).fill('倒排工期，每周调度，月底前全部开工。');
    // Search first: the tree of every unit on a shared server is longer than its visible window.
    await dialog.getByLabel(t.rectifications.fields.unit).fill(org.leadUnit.name);
    await pickTreeOption(page, org.leadUnit.name);
    await typeDate(dialog.getByLabel(t.rectifications.fields.deadline), deadline);
    await dialog.getByRole('button', { name: t.rectifications.create.submit }).click();
    await expect(dialog).toBeHidden();
    const card = page.getByRole('listitem').filter({ hasText: title });
    await expect(card.getByText(t.rectifications.states.open)).toBeVisible();
    await expect(card.getByText(org.leadUnit.name)).toBeVisible();
    await signOut(page);
  });

  await test.step('the unit finds it in its inbox, tagged 整改', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/inbox');
    const toAcknowledge = page.getByRole('region', { name: t.inbox.sections.toAcknowledge.title });
    const item = toAcknowledge.getByRole('listitem').filter({ hasText: title });
    await expect(item).toBeVisible();
    await expect(item.getByText(t.rectifications.tag, { exact: true })).toBeVisible();
    await signOut(page);
  });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
] as const;

for (const locale of ['zh-CN', 'en'] as const) {
  for (const viewport of viewports) {
    test(`screenshots of the list and the dialog, ${locale} ${viewport.name}`, async ({ page }) => {
      const words = text[locale];
      if (locale === 'zh-CN' && viewport.name === 'desktop') await seedShowcase();
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await useLocale(page, locale);
      await signIn(page, org.people.supervisor.username, password, locale);
      await page.goto('/rectifications');
      await expect(
        page.getByRole('list', { name: words.rectifications.nav }).getByRole('listitem').first(),
      ).toBeVisible();
      await expectNoOverflow(page);
      const prefix = `test-results/screenshots/rectifications-${locale}-${viewport.name}`;
      await page.screenshot({ path: `${prefix}-list.png`, fullPage: viewport.name === 'desktop' });
      await page.getByRole('button', { name: words.rectifications.create.button }).click();
      await expect(page.getByRole('dialog', { name: words.rectifications.create.title })).toBeVisible();
      // Let the dialog's opening animation finish, so the picture shows it at rest.
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${prefix}-create.png` });
    });
  }
}
