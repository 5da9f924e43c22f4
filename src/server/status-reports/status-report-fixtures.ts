import { DEFAULT_SCORING_SCHEME } from '../../shared/assessment-api.js';
import { nowIso } from '../db/connect.js';
import { actorOf, advance, caller, makeSource, makeTask } from '../test/task-fixtures.js';
import type { TestApp } from '../test/test-app.js';

// An organisation for the implementation-report suites: a source with tasks led by three units
// (one with a subtask), another source, an assessment period, a progress report with problems,
// next steps and coordination, and an open coordination request — made through the services or,
// for reports and requests (their own flows are not under test), inserted directly.

export interface ReportOrg {
  unit: { city: number; a: number; b: number; c: number; office: number };
  user: { sup: number; aStaff: number; bHead: number; leader: number; auditor: number };
  sourceId: number;
  otherSourceId: number;
  periodId: number;
  task: { a: number; aSub: number; b: number; c: number; other: number };
  as: Record<'sup' | 'aStaff' | 'bHead' | 'leader' | 'auditor' | 'admin', ReturnType<typeof caller>>;
}

export const TITLES = {
  a: '持续优化营商环境',
  aSub: '推行企业开办一网通办',
  b: '建设智慧教育平台',
  c: '实施城市更新行动',
  other: '另一来源的保密任务',
} as const;

export const REPORT_TEXT = {
  done: '平台一期已上线，覆盖全市中小学。',
  problems: '部分学校网络带宽不足。',
  nextSteps: '下月完成二期招标。',
  coordination: '请市财政局保障二期资金。',
  matter: '协调市交通运输局开放校车数据接口',
} as const;

async function insertReport(t: TestApp, input: { taskId: number; unitId: number; status: string }) {
  const now = nowIso();
  const today = now.slice(0, 10);
  const period = await t.db
    .insertInto('report_periods')
    .values({
      task_id: input.taskId,
      unit_id: input.unitId,
      role: 'lead',
      period_start: today,
      period_end: today,
      due_date: today,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('reports')
    .values({
      period_id: period.id,
      task_id: input.taskId,
      unit_id: input.unitId,
      role: 'lead',
      period_end: today,
      status: input.status,
      done_text: REPORT_TEXT.done,
      problems: REPORT_TEXT.problems,
      next_steps: REPORT_TEXT.nextSteps,
      coordination: REPORT_TEXT.coordination,
      percent: 60,
      target_values: '{}',
      milestones_done: '[]',
      explanation: null,
      norm_length: null,
      similarity: null,
      similar_report_id: null,
      submitted_at: now,
      late_working_days: null,
      version: 1,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
    } as never)
    .execute();
}

/** Builds the organisation and signs everyone in. */
export async function seedReportOrg(t: TestApp, prefix: string): Promise<ReportOrg> {
  const city = (await t.makeUnit(`${prefix}市人民政府`)).id;
  const unit = {
    city,
    a: (await t.makeUnit('市营商环境局', city)).id,
    b: (await t.makeUnit('市教育局', city)).id,
    c: (await t.makeUnit('市交通运输局', city)).id,
    office: (await t.makeUnit('市政府督查室', city)).id,
  };
  const user = {
    sup: await t.makeUser(`${prefix}.sup`, ['supervisor'], { unitId: unit.office }),
    aStaff: await t.makeUser(`${prefix}.astaff`, ['unit_staff'], { unitId: unit.a }),
    bHead: await t.makeUser(`${prefix}.bhead`, ['unit_head'], { unitId: unit.b }),
    leader: await t.makeUser(`${prefix}.leader`, ['leader'], { unitsInChargeIds: [unit.b] }),
    auditor: await t.makeUser(`${prefix}.auditor`, ['auditor']),
  };
  const source = await makeSource(t, { title: '2026年政府工作报告' });
  const other = await makeSource(t, { title: '另一份文件' });
  const a = await makeTask(t, { title: TITLES.a, leadUnitId: unit.a, sourceId: source.id, deadline: '2026-12-31' });
  await advance(t, a.id, ['assign']);
  const aSub = await makeTask(t, { title: TITLES.aSub, leadUnitId: unit.a, parentId: a.id, deadline: '2026-06-30' });
  await advance(t, aSub.id, ['assign']);
  const b = await makeTask(t, { title: TITLES.b, leadUnitId: unit.b, sourceId: source.id, deadline: '2026-01-10' });
  await advance(t, b.id, ['assign', ['acknowledge', await actorOf(t, user.bHead)]]);
  const c = await makeTask(t, { title: TITLES.c, leadUnitId: unit.c, sourceId: source.id });
  await advance(t, c.id, ['assign']);
  const otherTask = await makeTask(t, { title: TITLES.other, leadUnitId: unit.b, sourceId: other.id });
  await advance(t, otherTask.id, ['assign']);
  await t.db.updateTable('tasks').set({ health_light: 'red', progress: 60 }).where('id', '=', b.id).execute();
  await t.db.updateTable('tasks').set({ health_light: 'amber' }).where('id', '=', c.id).execute();
  await t.db.updateTable('tasks').set({ health_light: 'green' }).where('id', 'in', [a.id, aSub.id]).execute();
  await insertReport(t, { taskId: b.id, unitId: unit.b, status: 'accepted' });
  const now = nowIso();
  await t.db
    .insertInto('coordination_requests')
    .values({
      task_id: b.id,
      from_unit_id: unit.b,
      to_unit_id: unit.c,
      to_leader_id: null,
      matter: REPORT_TEXT.matter,
      due_date: '2026-12-31',
      status: 'open',
      commitment_date: null,
      response: null,
      responded_by: null,
      responded_at: null,
      bounce_count: 0,
      previous_id: null,
      escalated_to_id: null,
      escalated_at: null,
      fulfilled_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  const periodId = (
    await t.db
      .insertInto('assessment_periods')
      .values({
        name: '2026年度考核',
        starts_on: '2026-01-01',
        ends_on: '2026-12-31',
        selection: JSON.stringify({ taskIds: [] }),
        scheme: JSON.stringify(DEFAULT_SCORING_SCHEME),
        status: 'draft',
        previous_period_id: null,
        computed_at: now,
        computed_hash: null,
        frozen_at: null,
        frozen_by: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto('assessment_tasks')
    .values([b.id, c.id].map((taskId) => ({ period_id: periodId, task_id: taskId, outcome: 'not_done' })))
    .execute();
  const login = async (name: string) => caller(t, await t.login(name));
  return {
    unit,
    user,
    sourceId: source.id,
    otherSourceId: other.id,
    periodId,
    task: { a: a.id, aSub: aSub.id, b: b.id, c: c.id, other: otherTask.id },
    as: {
      sup: await login(`${prefix}.sup`),
      aStaff: await login(`${prefix}.astaff`),
      bHead: await login(`${prefix}.bhead`),
      leader: await login(`${prefix}.leader`),
      auditor: await login(`${prefix}.auditor`),
      admin: await login('admin'),
    },
  };
}
