import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { ReportDetail } from '../src/web/api/reports.api.js';
import {
  buildWorld,
  type Clients,
  call,
  clientsOf,
  fakePdf,
  reportingTask,
  review,
  samplePdf,
  samplePng,
  serverDataDirOrSkip,
  slotOf,
  uploadFile,
  type World,
  writeReport,
} from './reporting-seed.js';
import { admin, fill, signIn, text, uniqueSuffix, useLocale } from './support.js';

// 进展反馈 and 附件 in the browser: a unit writes its monthly report on a phone (autosaved, restored
// after the tab is lost), attaches a PDF as evidence and submits; its head approves, the
// supervision office accepts and the task's progress follows; the files tab previews the PDF and
// refuses an HTML page named .pdf; the timeline shows every step. Then pictures of the screens.

const t = text['zh-CN'];
const dataDir = serverDataDirOrSkip();

/** "已保存 {{time}}" as a pattern for any time. */
function savedPattern(template: string): RegExp {
  const [before = '', after = ''] = template.split('{{time}}');
  const literal = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${literal(before)}\\d{1,2}:\\d{2}${literal(after)}`);
}

// Two reports of the same period whose texts differ only in a figure: the second is 重复/雷同. Each
// task has its own subject, so the two tasks' reports are not copies of each other.
const septemberText = (subject: string, amount: string) =>
  `本月完成${subject}前期工作，协调落实项目资金${amount}亿元，专项债券发行工作有序推进，资金拨付进度达到计划要求。`;
const octoberPart = (subject: string) => `10月拨付${subject}前期经费8000万元，配合完成专项债券项目申报。`;
const FLOW_SUBJECT = '交通水利重大项目';
const SHOTS_SUBJECT = '城镇老旧小区改造工程';
const LEAD_SEPTEMBER = septemberText(SHOTS_SUBJECT, '3.5');
const COOP_OCTOBER = octoberPart(FLOW_SUBJECT);

interface Seeded {
  world: World;
  clients: Clients;
  flow: { taskId: number; title: string };
  shots: { taskId: number; title: string; septemberLead: number; septemberCoop: number; octoberLead: number };
}

let seeded: Seeded;

/** September: the cooperating unit's part, then the lead unit's near copy of it (flagged), both accepted. */
async function september(
  clients: Clients,
  world: World,
  taskId: number,
  periods: Parameters<typeof slotOf>[0],
  subject: string,
) {
  const coop = await writeReport(clients.coopStaff, taskId, slotOf(periods, 1, world.coopUnit.id), {
    doneText: septemberText(subject, '3.2'),
    percent: 20,
  });
  await review(coop.id, [
    [clients.coopStaff, 'submit'],
    [clients.coopHead, 'approve'],
  ]);
  const lead = await writeReport(clients.leadStaff, taskId, slotOf(periods, 1, world.leadUnit.id), {
    doneText: septemberText(subject, '3.5'),
    problems: '',
    nextSteps: '',
    percent: 20,
    targetValues: { starts: 1 },
  });
  const accepted = await review(lead.id, [
    [clients.leadStaff, 'submit'],
    [clients.leadHead, 'approve'],
    [clients.supervisor, 'accept'],
  ]);
  expect(accepted?.flagged, 'the near copy is flagged').toBe(true);
  return { coop: coop.id, lead: lead.id };
}

/** October: the cooperating unit's part, submitted and approved. */
async function october(
  clients: Clients,
  world: World,
  taskId: number,
  periods: Parameters<typeof slotOf>[0],
  subject: string,
) {
  const coop = await writeReport(clients.coopStaff, taskId, slotOf(periods, 0, world.coopUnit.id), {
    doneText: octoberPart(subject),
    problems: '部分项目资本金到位较慢。',
    percent: 40,
  });
  await review(coop.id, [
    [clients.coopStaff, 'submit'],
    [clients.coopHead, 'approve'],
  ]);
}

test.beforeAll(async ({ request, playwright }) => {
  test.setTimeout(120_000);
  if (!dataDir) return;
  const suffix = uniqueSuffix();
  const world = await buildWorld(request, suffix, 'reports-pass-123');
  const clients = await clientsOf(playwright, world);

  const flowTitle = `加快推进重大项目建设，全年新开工项目12个（${suffix}）`;
  const flow = await reportingTask(clients, world, flowTitle, dataDir, 75);
  await september(clients, world, flow.task.id, flow.periods, FLOW_SUBJECT);
  await october(clients, world, flow.task.id, flow.periods, FLOW_SUBJECT);

  const shotsTitle = `实施城市更新行动，完成老旧小区改造30个（${suffix}）`;
  const shots = await reportingTask(clients, world, shotsTitle, dataDir, 75);
  const sept = await september(clients, world, shots.task.id, shots.periods, SHOTS_SUBJECT);
  await october(clients, world, shots.task.id, shots.periods, SHOTS_SUBJECT);
  const pdf = await uploadFile(
    clients.leadStaff,
    shots.task.id,
    '10月项目调度会议纪要.pdf',
    'application/pdf',
    samplePdf('Minutes'),
  );
  await uploadFile(clients.leadStaff, shots.task.id, '施工现场照片.png', 'image/png', samplePng());
  const octoberLead = await writeReport(clients.leadStaff, shots.task.id, slotOf(shots.periods, 0, world.leadUnit.id), {
    doneText:
      '完成4个老旧小区改造项目施工招标，累计开工项目7个，完成投资2.1亿元。\n组织召开10月项目调度会，逐个项目明确时间节点和责任人。',
    problems: '个别小区居民意见尚未统一，加装电梯协调难度较大。',
    nextSteps: '11月底前完成剩余项目施工招标，加快推进管网改造。',
    coordination: '请市住建局协调燃气管线迁改。',
    percent: 35,
    targetValues: { starts: 7 },
    milestonesDone: ['tender'],
    fileIds: [pdf.id],
  });

  seeded = {
    world,
    clients,
    flow: { taskId: flow.task.id, title: flowTitle },
    shots: {
      taskId: shots.task.id,
      title: shotsTitle,
      septemberLead: sept.lead,
      septemberCoop: sept.coop,
      octoberLead: octoberLead.id,
    },
  };
});

test.afterAll(async () => {
  if (!seeded) return;
  await Promise.all(Object.values(seeded.clients).map((client: APIRequestContext) => client.dispose()));
});

/** Signs in as someone else in the same browser (signing out through the menu is tested elsewhere). */
async function switchUser(page: Page, username: string, locale: keyof typeof text = 'zh-CN') {
  await page.context().clearCookies();
  await signIn(page, username, username === admin.username ? admin.password : seeded.world.password, locale);
}

/** The report form's text field (antd labels its textarea). */
function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

async function openReportForm(context: BrowserContext, reportId: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/reports/${reportId}/edit`);
  await expect(page.getByRole('heading', { name: seeded.flow.title })).toBeVisible();
  return page;
}

test('a unit reports on a phone with autosave and evidence; its head and the supervision office accept it', async ({
  page: firstPage,
  context,
}) => {
  test.setTimeout(180_000);
  // The report form's tab is closed half way and opened again in a new one.
  let page = firstPage;
  const { world, flow } = seeded;
  const saved = savedPattern(t.reports.autosave.saved);
  const saveBar = () => page.getByRole('region', { name: t.reports.autosave.bar });
  const doneText = '完成2个项目施工招标，新开工项目3个，累计完成投资4.6亿元。\n建立项目月度调度机制，逐项明确责任人。';
  const problems = '个别项目用地手续办理进度偏慢。';
  const coordination = '请市自然资源局协调解决项目用地指标。';
  const returnReason = '请补充下步措施的时间节点。';
  const nextSteps = '11月底前完成剩余项目施工招标，12月全部开工。';
  let reportId = 0;

  await test.step('on a phone, the unit staff sees the missing October report and starts it', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, world.people.leadStaff, world.password);
    await page.goto(`/tasks/${flow.taskId}?tab=reports`);
    await expect(
      page.getByText(fill(t.reports.cycle.titleLine, { cycle: t.reports.cycle.kinds.monthly })),
    ).toBeVisible();
    // In the tab, the slot's own words (the header's light says it too, with the period).
    await expect(page.getByRole('tabpanel').getByText(/逾期 \d+ 个工作日未报/)).toBeVisible();
    await expect(page.getByText(/重复\/雷同 9\d%/).first()).toBeVisible();
    await page.getByRole('button', { name: t.reports.slot.write }).click();
    await expect(page).toHaveURL(/\/reports\/\d+\/edit$/);
    reportId = Number(/\/reports\/(\d+)\/edit/.exec(page.url())?.[1]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the form fits a phone').toBeLessThanOrEqual(0);
  });

  await test.step('what is typed is saved automatically and is there after a reload', async () => {
    await field(page, t.reports.fields.doneText).fill(doneText);
    await field(page, t.reports.fields.problems).fill(problems);
    await expect(saveBar().getByText(saved)).toBeVisible();
    await page.reload();
    await expect(field(page, t.reports.fields.doneText)).toHaveValue(doneText);
    await expect(field(page, t.reports.fields.problems)).toHaveValue(problems);
  });

  await test.step("the cooperating unit's part is copied into the lead unit's report", async () => {
    await page.getByRole('button', { name: fill(t.reports.parts.copyFrom, { unit: world.coopUnit.name }) }).click();
    await expect(field(page, t.reports.fields.doneText)).toHaveValue(new RegExp(COOP_OCTOBER));
    await expect(saveBar().getByText(saved)).toBeVisible();
  });

  await test.step('input that never reached the server is offered back after the tab is lost', async () => {
    // The network is gone (a train, a lift) until the tab is lost, so no save gets through, not even
    // the one the page sends as it is hidden.
    await context.setOffline(true);
    await field(page, t.reports.fields.coordination).fill(coordination);
    await expect(saveBar().getByText(/自动保存失败/)).toBeVisible();
    await page.close();
    await context.setOffline(false);

    page = await openReportForm(context, reportId);
    await expect(page.getByText(t.reports.autosave.restoreTitle)).toBeVisible();
    await expect(field(page, t.reports.fields.coordination)).toHaveValue('');
    await page.getByRole('button', { name: t.reports.autosave.restore, exact: true }).click();
    await expect(field(page, t.reports.fields.coordination)).toHaveValue(coordination);
    await expect(saveBar().getByText(saved)).toBeVisible();
  });

  await test.step('percent, a target value, a milestone needing evidence and its PDF', async () => {
    await field(page, t.reports.fields.percent).fill('45');
    await field(page, fill(t.reports.form.targetLabel, { name: '新开工项目', unit: '个' })).fill('3');
    await page.getByRole('checkbox', { name: /完成施工招标/ }).check();
    await expect(page.getByText(fill(t.reports.form.evidenceMissing, { milestones: '完成施工招标' }))).toBeVisible();
    await page.locator('.report-form input[type="file"]').setInputFiles({
      name: '施工招标结果公告.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Tender results'),
    });
    await expect(page.getByRole('list').getByText('施工招标结果公告.pdf')).toBeVisible();
    await expect(page.getByText(fill(t.reports.form.evidenceMissing, { milestones: '完成施工招标' }))).toBeHidden();
    await expect(saveBar().getByText(saved)).toBeVisible();
  });

  await test.step('it is submitted and waits for the unit head', async () => {
    await saveBar().getByRole('button', { name: t.reports.actions.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await expect(page.getByText(t.reports.status.pending_head).first()).toBeVisible();
    await expect(page.getByText(/逾期 \d+ 个工作日报送/).first()).toBeVisible();
  });

  await test.step('the unit head returns it with a reason', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchUser(page, world.people.leadHead);
    await page.goto(`/reports/${reportId}`);
    await page.getByRole('button', { name: t.reports.actions.return }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.reports.actions.reason).fill(returnReason);
    await dialog.getByRole('button', { name: t.reports.actions.return }).click();
    await expect(page.getByText(t.reports.status.returned).first()).toBeVisible();
    await expect(page.getByText(fill(t.tasks.history.reason, { reason: returnReason }))).toBeVisible();
  });

  await test.step('the unit staff sees why, revises it on the phone and submits it again', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await switchUser(page, world.people.leadStaff);
    await page.goto(`/reports/${reportId}`);
    await page.getByRole('button', { name: t.reports.slot.fix }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}/edit$`));
    await expect(page.getByText(returnReason)).toBeVisible();
    await field(page, t.reports.fields.nextSteps).fill(nextSteps);
    await expect(saveBar().getByText(saved)).toBeVisible();
    await saveBar().getByRole('button', { name: t.reports.actions.resubmit }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await expect(page.getByText(t.reports.status.pending_head).first()).toBeVisible();
  });

  await test.step('the unit head approves it', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchUser(page, world.people.leadHead);
    await page.goto(`/tasks/${flow.taskId}?tab=reports`);
    await page
      .getByRole('button', { name: fill(t.reports.slot.openReport, { unit: world.leadUnit.name }) })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await page.getByRole('button', { name: t.reports.actions.approve }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.reports.actions.approve }).click();
    await expect(page.getByText(t.reports.status.pending_supervisor).first()).toBeVisible();
  });

  await test.step("the supervision office accepts it and the task's progress follows", async () => {
    await switchUser(page, world.people.supervisor);
    await page.goto(`/reports/${reportId}`);
    await expect(page.getByText(doneText.split('\n')[0] ?? '')).toBeVisible();
    await expect(page.getByText('施工招标结果公告.pdf')).toBeVisible();
    await page.getByRole('button', { name: t.reports.actions.accept }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.reports.actions.accept }).click();
    await expect(page.getByText(t.reports.status.accepted).first()).toBeVisible();
    await page.goto(`/tasks/${flow.taskId}`);
    await expect(page.getByRole('main').getByText('45%').first()).toBeVisible();
    const answer = await call<ReportDetail>(seeded.clients.supervisor, 'get', `/reports/${reportId}`);
    expect(answer.status).toBe('accepted');
    expect(answer.targetValues).toEqual({ starts: 3 });
    expect(answer.milestonesDone).toEqual(['tender']);
    expect(answer.coordination).toBe(coordination);
    expect(answer.nextSteps).toBe(nextSteps);
    expect(answer.rounds.map((round) => round.action)).toEqual(['submit', 'return', 'submit', 'approve', 'accept']);
  });

  await test.step('the files tab lists the evidence, previews it, and refuses an HTML page named .pdf', async () => {
    await page.getByRole('tab', { name: t.files.tab }).click();
    const files = page.getByRole('list', { name: t.files.listLabel });
    await expect(files.getByText('施工招标结果公告.pdf')).toBeVisible();
    await expect(files.getByText(t.files.inUse)).toBeVisible();
    await files.getByRole('button', { name: fill(t.files.previewFile, { name: '施工招标结果公告.pdf' }) }).click();
    const preview = page.getByRole('dialog');
    await expect(preview.locator('iframe')).toHaveAttribute('src', /\/api\/v1\/files\/\d+\/content\?inline=1$/);
    await preview.getByRole('button', { name: t.common.close }).click();
    await expect(preview).toBeHidden();

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '伪装文件.pdf', mimeType: 'application/pdf', buffer: fakePdf });
    await expect(
      page.getByRole('alert').getByText(fill(t.files.errors.typeNotAllowed, { name: '伪装文件.pdf' })),
    ).toBeVisible();
    await expect(files.getByText('伪装文件.pdf')).toBeHidden();
  });

  await test.step('the timeline shows the plan, the reports, their reviews and the files in order', async () => {
    await page.getByRole('tab', { name: t.tasks.tabs.history }).click();
    const timeline = page.getByRole('tabpanel', { name: t.tasks.tabs.history });
    for (const words of [
      t.timeline.actions.plan_accepted,
      t.timeline.actions.report_submitted,
      t.timeline.actions.report_approved,
      t.timeline.actions.report_accepted,
      t.timeline.actions.progress,
      t.timeline.actions.file_uploaded,
    ]) {
      await expect(timeline.getByText(words).first()).toBeVisible();
    }
    await expect(timeline.getByText('施工招标结果公告.pdf')).toBeVisible();
    const kinds = page.getByRole('group', { name: t.timeline.filter });
    await kinds.getByText(new RegExp(`^${fill(t.timeline.kinds.report, { count: '\\d+' })}$`)).click();
    await expect(timeline.getByText(t.timeline.actions.file_uploaded)).toBeHidden();
  });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;
const locales = ['zh-CN', 'en'] as const;

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** A picture of the whole page, or (`fullPage` false) of the screen as it is now, e.g. with a dialog open. */
async function shoot(page: Page, file: string, fullPage = true) {
  await settle(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${file}: page is wider than the screen`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage });
}

for (const locale of locales) {
  for (const viewport of viewports) {
    test(`screenshots of reports and files (${locale}, ${viewport.width}px)`, async ({ page }) => {
      test.setTimeout(120_000);
      const l = text[locale];
      const { world, shots } = seeded;
      const prefix = `${locale}-${viewport.width}`;
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await useLocale(page, locale);
      await signIn(page, world.people.supervisor, world.password, locale);

      await page.goto(`/tasks/${shots.taskId}?tab=reports`);
      await expect(page.getByText(l.reports.marks.missing.split('{{count}}')[0] ?? '').first()).toBeVisible();
      await expect(page.getByText(l.reports.rounds.title).first()).toBeVisible();
      await shoot(page, `${prefix}-reports-tab`);

      await page.goto(`/reports/${shots.septemberLead}`);
      await expect(page.getByRole('button', { name: l.reports.slot.continue })).toBeHidden();
      await expect(page.getByText(LEAD_SEPTEMBER)).toBeVisible();
      await shoot(page, `${prefix}-report-view`);

      await page.goto(`/reports/${shots.septemberLead}/compare/${shots.septemberCoop}`);
      await expect(page.getByRole('heading', { name: l.reports.compare.title })).toBeVisible();
      await expect(page.locator('.report-diff del')).toHaveText(['5']);
      await expect(page.locator('.report-diff ins')).toHaveText(['2']);
      await shoot(page, `${prefix}-report-compare`);

      await page.goto(`/tasks/${shots.taskId}?tab=files`);
      await expect(page.getByText('施工现场照片.png')).toBeVisible();
      await shoot(page, `${prefix}-files-tab`);
      await page.getByRole('button', { name: fill(l.files.previewFile, { name: '施工现场照片.png' }) }).click();
      await expect(page.getByRole('dialog').getByRole('img', { name: '施工现场照片.png' })).toBeVisible();
      await shoot(page, `${prefix}-file-preview`, false);
      await page.getByRole('dialog').getByRole('button', { name: l.common.close }).click();

      await page.goto(`/tasks/${shots.taskId}?tab=history`);
      await expect(page.getByText(l.timeline.actions.report_accepted).first()).toBeVisible();
      await shoot(page, `${prefix}-timeline`);
      await switchUser(page, admin.username, locale);
      await page.goto('/settings');
      const reportSettings = page.getByText(l.reports.settings.title, { exact: true });
      await expect(reportSettings).toBeVisible();
      await expect(page.getByLabel(l.files.settings.maxSize)).toHaveValue(/\d/);
      await shoot(page, `${prefix}-settings`);

      await switchUser(page, world.people.leadStaff, locale);
      await page.goto(`/reports/${shots.octoberLead}/edit`);
      await expect(page.getByLabel(l.reports.fields.doneText, { exact: true })).toHaveValue(/老旧小区/);
      await shoot(page, `${prefix}-report-form`);
      // The save bar stays at the bottom of the screen while the form scrolls under it.
      await page.getByLabel(l.reports.fields.coordination, { exact: true }).scrollIntoViewIfNeeded();
      await shoot(page, `${prefix}-report-form-screen`, false);
    });
  }
}
