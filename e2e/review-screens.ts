import type { APIRequestContext } from '@playwright/test';
import { expect, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import {
  acceptedPlan,
  approvedPlan,
  deadline,
  fullPlan,
  type Org,
  openKeyTask,
  PDF_BYTES,
  type PlanAnswer,
  PNG_BYTES,
  seedOrg,
  signedInClient,
  year,
} from './review-seed.js';

// What the plans and closure screenshots show, made through the API, and how a picture is taken.

export interface ScreensData {
  org: Org;
  /** Plan accepted as version 1, revised into a version 2 draft: the view, the editor and the diff. */
  revised: TaskDetail;
  /** A closure application with results and two evidence files, waiting for the supervisor. */
  closing: TaskDetail;
  /** A plan approved by its unit, waiting for the supervisor. */
  pending: TaskDetail;
}

export async function seedScreens(request: APIRequestContext, playwright: PlaywrightWorkerArgs['playwright']) {
  const org = await seedOrg(request, { lead: '市住房和城乡建设局', coop: '市自然资源和规划局' });
  const sup = await signedInClient(playwright, org.people.supervisor.username);
  const staff = await signedInClient(playwright, org.people.staff.username);
  const head = await signedInClient(playwright, org.people.head.username);
  const coop = await signedInClient(playwright, org.people.coopStaff.username);
  const clients = { sup, staff, head };
  const body = fullPlan(org);

  const revised = await openKeyTask(sup, staff, org, `实施保障性安居工程，新开工保障性住房1200套${org.suffix}`);
  const accepted = await acceptedPlan(clients, revised.id, body, () =>
    coop.call('put', `/tasks/${revised.id}/plan/parts/${org.coopUnit.id}`, {
      version: 0,
      text: '负责保障项目建设用地，6月底前完成全部项目供地手续。',
      steps: [{ text: '编制年度供地计划', endDate: `${year}-03-31` }],
    }),
  );
  const content = accepted.plan?.content;
  if (!content) throw new Error('no accepted plan');
  const [first, , third] = content.targets;
  await staff.call<PlanAnswer>('put', `/tasks/${revised.id}/plan`, {
    version: accepted.plan?.version,
    ...content,
    targets: [
      { ...first, targetValue: 1500 },
      { ...third },
      { name: '筹集保障性租赁住房', measureUnit: '套', baseline: 0, targetValue: 600, dueDate: deadline },
    ],
    expectedProgress: content.expectedProgress.map((entry) =>
      entry.quarter.endsWith('Q2') ? { ...entry, percent: 45 } : entry,
    ),
  });

  const closing = await openKeyTask(sup, staff, org, `推进城镇老旧小区改造，完成改造30个${org.suffix}`);
  const closingPlan = await acceptedPlan(clients, closing.id, body);
  const targets = closingPlan.plan?.content.targets ?? [];
  const pdf = await staff.upload(closing.id, '老旧小区改造竣工验收报告.pdf', PDF_BYTES, 'application/pdf');
  const png = await staff.upload(closing.id, '改造后小区实景照片.png', PNG_BYTES, 'image/png');
  const application = await staff.call<{ application: { version: number } }>('put', `/tasks/${closing.id}/closure`, {
    version: 0,
    summary:
      '全年完成老旧小区改造32个，惠及居民5800户；加装电梯46部，改造雨污管网18公里。所有项目均通过竣工验收，居民满意度调查结果为96%。',
    targetResults: targets.map((target, index) => ({
      targetId: target.id,
      achieved: [1260, 820, 82][index] ?? 0,
      comment: index === 0 ? '超额完成年度目标' : '',
    })),
    fileIds: [pdf.id, png.id],
  });
  const submitted = await staff.call<{ application: { version: number } }>(
    'post',
    `/tasks/${closing.id}/closure/actions`,
    { action: 'submit', version: application.application.version },
  );
  await head.call('post', `/tasks/${closing.id}/closure/actions`, {
    action: 'approve',
    version: submitted.application.version,
  });

  const pending = await openKeyTask(sup, staff, org, `优化营商环境，企业开办时间压缩至1个工作日${org.suffix}`);
  await approvedPlan(clients, pending.id, body);

  await Promise.all([sup, staff, head, coop].map((client) => client.dispose()));
  return { org, revised, closing, pending } satisfies ScreensData;
}

export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
}

/** Lets drawers, messages and motions finish so pictures show the settled page. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** A picture into test-results/screenshots, after checking nothing is wider than the screen. */
export async function shoot(page: Page, file: string, fullPage = true) {
  await settle(page);
  await expectNoSidewaysScroll(page);
  if (fullPage) {
    await page.waitForFunction(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
      return window.scrollY === 0;
    });
  }
  await page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage });
}
