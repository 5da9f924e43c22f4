import { advance, makeTask } from '../test/task-fixtures.js';
import type { TestApp } from '../test/test-app.js';

// A small organisation's autumn 2026 for the assessment suite: four units, five tasks over a period
// (2026-09-14 … 2026-10-16) that spans 中秋 (Sep 25–27) and 国庆 (Oct 1–7, with the make-up working
// days Sun Sep 20 and Sat Oct 10), with an approved extension, a deadline moved by hand, late
// reports, a missing one, a returned one, a near-copy, an urge and lights. Tasks are made through the
// services, then their dates are set straight in the tables (the services only accept "now").

/** A UTC instant at 10:00 in Beijing on a local day. */
export const at = (day: string) => `${day}T02:00:00.000Z`;

export interface Organisation {
  unit: { city: number; a: number; b: number; c: number; d: number };
  task: { t1: number; t2: number; t3: number; t4: number; t5: number; closedBefore: number; draft: number };
}

async function openTask(t: TestApp, title: string, leadUnitId: number, cooperating: number[]) {
  const task = await makeTask(t, {
    title,
    leadUnitId,
    cooperatingUnits: cooperating.map((unitId) => ({ unitId })),
    deadline: '2026-12-31',
  });
  await advance(t, task.id, ['assign']);
  return task.id;
}

/** Sets a task's dates and state as they would have been. */
async function setTask(
  t: TestApp,
  id: number,
  values: { deadline: string; original?: string; closedOn?: string; light?: string | null },
): Promise<void> {
  await t.db
    .updateTable('tasks')
    .set({
      assigned_at: at('2026-09-01'),
      deadline: values.deadline,
      original_deadline: values.original ?? values.deadline,
      status: values.closedOn ? 'closed' : 'in_progress',
      closed_at: values.closedOn ? at(values.closedOn) : null,
      health_light: values.light ?? null,
      health_on: values.light ? '2026-10-16' : null,
    })
    .where('id', '=', id)
    .execute();
}

/** A report slot due on `due`, with a report submitted on `submitted` (late by `late` working days). */
async function slot(
  t: TestApp,
  s: {
    taskId: number;
    unitId: number;
    role: 'lead' | 'cooperating';
    due: string;
    submitted?: string;
    late?: number;
    similarTo?: number;
    /** How alike it is to `similarTo` (reports store their closest match however far: 0.97 = a near copy). */
    similarity?: number;
  },
): Promise<number | null> {
  const period = await t.db
    .insertInto('report_periods')
    .values({
      task_id: s.taskId,
      unit_id: s.unitId,
      role: s.role,
      period_start: '2026-09-01',
      period_end: s.due,
      due_date: s.due,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!s.submitted) return null;
  const report = await t.db
    .insertInto('reports')
    .values({
      period_id: period.id,
      task_id: s.taskId,
      unit_id: s.unitId,
      role: s.role,
      period_end: s.due,
      status: 'accepted',
      done_text: '已完成',
      problems: '',
      next_steps: '',
      coordination: '',
      percent: 50,
      target_values: '{}',
      milestones_done: '[]',
      explanation: null,
      norm_length: null,
      similarity: s.similarTo ? (s.similarity ?? 0.97) : null,
      similar_report_id: s.similarTo ?? null,
      submitted_at: at(s.submitted),
      late_working_days: s.late ?? 0,
      version: 1,
      created_by: null,
      created_at: at(s.submitted),
      updated_by: null,
      updated_at: at(s.submitted),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return report.id;
}

/** Builds the organisation and its autumn; answers the ids. */
export async function buildAutumn(t: TestApp): Promise<Organisation> {
  const city = (await t.makeUnit('市人民政府')).id;
  const a = (await t.makeUnit('市住房城乡建设局', city)).id;
  const b = (await t.makeUnit('市自然资源局', city)).id;
  const c = (await t.makeUnit('市卫生健康委', city)).id;
  const d = (await t.makeUnit('市交通运输局', city)).id;
  const t1 = await openTask(t, '老旧小区改造', a, [b]);
  const t2 = await openTask(t, '城市更新条例起草', a, [c]);
  const t3 = await openTask(t, '国土空间规划', b, [a]);
  const t4 = await openTask(t, '社区医院建设', c, [d]);
  const t5 = await openTask(t, '公交线网优化', d, []);
  const closedBefore = await openTask(t, '已于期前办结', a, []);
  const draft = (await makeTask(t, { title: '尚未交办', leadUnitId: a, deadline: '2026-12-31' })).id;

  await setTask(t, t1, { deadline: '2026-09-30', closedOn: '2026-09-29' });
  await setTask(t, t2, { deadline: '2026-09-24', closedOn: '2026-10-09' });
  await setTask(t, t3, { deadline: '2026-10-12', original: '2026-09-18', closedOn: '2026-10-12' });
  await setTask(t, t4, { deadline: '2026-10-09', light: 'red' });
  await setTask(t, t5, { deadline: '2026-10-30', original: '2026-10-13', light: 'amber' });
  await setTask(t, closedBefore, { deadline: '2026-09-30', closedOn: '2026-09-10' });

  // T3's extension, approved by the supervision office on Sep 17.
  await t.db
    .insertInto('extension_requests')
    .values({
      task_id: t3,
      unit_id: b,
      reason: '规划审批未完成',
      progress: 60,
      progress_note: null,
      deadline_at_request: '2026-09-18',
      proposed_deadline: '2026-10-12',
      status: 'approved',
      needs_leader: 0,
      decision_comment: null,
      supervisor_decided_by: null,
      supervisor_decided_at: at('2026-09-17'),
      leader_decided_by: null,
      leader_decided_at: null,
      requested_by: null,
      created_at: at('2026-09-15'),
      updated_at: at('2026-09-17'),
      version: 2,
    })
    .execute();

  await slot(t, { taskId: t1, unitId: a, role: 'lead', due: '2026-09-10' }); // before the period: ignored
  await slot(t, { taskId: t1, unitId: a, role: 'lead', due: '2026-10-15', submitted: '2026-10-14' });
  const earlier = await slot(t, {
    taskId: t1,
    unitId: b,
    role: 'cooperating',
    due: '2026-09-15',
    submitted: '2026-09-15',
  });
  await slot(t, {
    taskId: t1,
    unitId: b,
    role: 'cooperating',
    due: '2026-10-15',
    submitted: '2026-10-15',
    similarTo: earlier ?? 0,
  });
  // Its closest earlier report is not alike (0.21): not a duplicate.
  await slot(t, {
    taskId: t2,
    unitId: a,
    role: 'lead',
    due: '2026-09-15',
    submitted: '2026-09-18',
    late: 3,
    similarTo: earlier ?? 0,
    similarity: 0.21,
  });
  await slot(t, { taskId: t2, unitId: c, role: 'cooperating', due: '2026-09-15', submitted: '2026-09-15' });
  const returned = await slot(t, {
    taskId: t3,
    unitId: b,
    role: 'lead',
    due: '2026-09-30',
    submitted: '2026-10-08',
    late: 1,
  });
  await slot(t, { taskId: t4, unitId: c, role: 'lead', due: '2026-10-09' }); // never submitted
  await t.db
    .insertInto('report_rounds')
    .values({
      report_id: returned ?? 0,
      at: at('2026-10-09'),
      actor_user_id: null,
      action: 'return',
      reason: '内容空泛',
      snapshot: null,
    })
    .execute();

  // An urge to C on T4 (Oct 12), and a reminder, which no rule scores.
  for (const kind of ['urge', 'reminder'] as const) {
    await t.db
      .insertInto('supervision_actions')
      .values({
        task_id: t4,
        kind,
        origin: 'manual',
        rule_id: null,
        occurrence_key: `manual:${kind}`,
        trigger: null,
        due_on: null,
        unit_id: c,
        message: '请加快进度',
        recipients: '[]',
        notice_id: null,
        actor_user_id: null,
        created_at: at('2026-10-12'),
      })
      .execute();
  }
  return { unit: { city, a, b, c, d }, task: { t1, t2, t3, t4, t5, closedBefore, draft } };
}
