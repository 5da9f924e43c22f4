import { expect, type Page, test } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { type Org, openKeyTask, password, seedOrg, signedInClient } from './review-seed.js';
import { signIn, signOut, text } from './support.js';

// Supervision notices (督办单) through the UI: the supervision office issues one from the task's
// supervision tab with the generated wording, the lead unit answers in writing, the answer is
// returned with a reason, answered again and accepted; the official .docx and PDF download.

const t = text['zh-CN'];

test.describe.configure({ mode: 'serial' });

let org: Org;
let task: TaskDetail;

test.beforeAll(async ({ request, playwright }) => {
  org = await seedOrg(request, { lead: '市城市管理局', coop: '市生态环境局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  task = await openKeyTask(sup, staff, org, `整治城市黑臭水体${org.suffix}`);
  await sup.dispose();
  await staff.dispose();
});

/** The notices section of the task's supervision tab. */
function noticesSection(page: Page) {
  return page.getByRole('region', { name: t.notices.sectionTitle });
}

test('a notice is issued, answered, returned, answered again and accepted', async ({ page }) => {
  test.setTimeout(120_000);
  const supervisionTab = `/tasks/${task.id}?tab=supervision`;
  let number = '';

  await test.step('the supervision office issues it with the generated wording', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto(supervisionTab);
    await noticesSection(page).getByRole('button', { name: t.notices.issue }).click();
    const dialog = page.getByRole('dialog', { name: t.notices.issue });
    await expect(dialog.getByLabel(t.notices.fields.matter)).toHaveValue(new RegExp(task.number));
    await dialog.getByRole('button', { name: t.notices.issueForm.submit }).click();
    const card = noticesSection(page).getByRole('listitem').first();
    await expect(card.getByText(t.notices.status.issued)).toBeVisible();
    number = (await card.getAttribute('aria-label')) ?? '';
    expect(number).toMatch(/^督〔\d{4}〕\d+号$/);
    await signOut(page);
  });

  await test.step('the lead unit answers in writing', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/notices');
    const card = page.getByRole('listitem', { name: number });
    await card.getByRole('button', { name: t.notices.respond }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.notices.respondForm.label).fill('已制定整治方案，正在清淤截污。');
    await dialog.getByRole('button', { name: t.notices.respondForm.submit }).click();
    await expect(card.getByText(t.notices.status.responded)).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervision office returns it with a reason', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto(supervisionTab);
    const card = noticesSection(page).getByRole('listitem', { name: number });
    await card.getByRole('button', { name: t.notices.actions.return }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.notices.reasonLabel).fill('请写明每条河道的完成时限。');
    await dialog.getByRole('button', { name: t.notices.actions.return }).click();
    await expect(card.getByText(t.notices.status.returned)).toBeVisible();
    await signOut(page);
  });

  await test.step('the lead unit answers again', async () => {
    await signIn(page, org.people.staff.username, password);
    await page.goto('/notices');
    const card = page.getByRole('listitem', { name: number });
    await expect(card.getByText('请写明每条河道的完成时限。')).toBeVisible();
    await card.getByRole('button', { name: t.notices.respondAgain }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.notices.respondForm.label).fill('城东河12月10日前完成，城西河12月20日前完成。');
    await dialog.getByRole('button', { name: t.notices.respondForm.submit }).click();
    await expect(card.getByText(t.notices.status.responded)).toBeVisible();
    await signOut(page);
  });

  await test.step('the supervision office accepts it and downloads the documents', async () => {
    await signIn(page, org.people.supervisor.username, password);
    await page.goto(supervisionTab);
    const card = noticesSection(page).getByRole('listitem', { name: number });
    await card.getByRole('button', { name: t.notices.actions.accept }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.notices.actions.accept }).click();
    await expect(card.getByText(t.notices.status.accepted)).toBeVisible();
    for (const [label, type] of [
      [t.notices.files.docx, 'wordprocessingml'],
      [t.notices.files.pdf, 'application/pdf'],
    ] as const) {
      const href = await card.getByRole('link', { name: label }).getAttribute('href');
      const response = await page.request.get(href ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(response.headers()['content-disposition']).toContain(encodeURIComponent(number));
    }
    // The supervision desk and notifications link to one notice by id.
    await page.goto(`/notices?id=${await noticeIdOf(page, number)}`);
    await expect(page.getByRole('listitem', { name: number })).toBeVisible();
  });
});

test('the print page lays the notice out with its number and the organisation', async ({ page }) => {
  await signIn(page, org.people.supervisor.username, password);
  await page.goto('/notices');
  const card = page.getByRole('listitem').filter({ hasText: task.title }).first();
  const number = (await card.getAttribute('aria-label')) ?? '';
  await page.goto(`/notices/${await noticeIdOf(page, number)}/print`);
  const sheet = page.getByRole('article', { name: number });
  // The letterhead names the root of the issuer's own unit tree.
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
    `江川市人民政府${org.suffix}${t.notices.doc.letterhead}`,
  );
  await expect(sheet.getByText(org.leadUnit.name)).toBeVisible();
});

/** A notice's id from the list API, by its number (the page shows numbers, not ids). */
async function noticeIdOf(page: Page, number: string): Promise<number> {
  const response = await page.request.get(`/api/v1/notices?taskId=${task.id}&limit=200`);
  const body = (await response.json()) as { items: Array<{ id: number; number: string }> };
  const id = body.items.find((item) => item.number === number)?.id;
  if (id === undefined) throw new Error(`no notice ${number}`);
  return id;
}
