import type { LightMyRequestResponse } from 'fastify';
import { localDate } from '../../domain/dates.js';
import { fromDayNumber, toDayNumber } from '../../domain/working-days.js';
import type { PlanContent } from '../../shared/plans-api.js';
import type { ReportCycleKind } from '../../shared/reports-api.js';
import { systemActor } from '../auth/actor.js';
import { advance, caller, makeTask } from '../test/task-fixtures.js';
import type { TestApp } from '../test/test-app.js';
import { setReportCycle } from './report-cycle.service.js';
import { getReportSettings } from './report-settings.service.js';

// Set-up for the reporting suites: an organisation with a lead, a cooperating and an unrelated
// unit, their people signed in, and tasks assigned on a chosen (past) date so that periods have
// ended by "today" — the real today, in the configured zone.

export type Call = ReturnType<typeof caller>;

export interface ReportingWorld {
  units: { lead: number; coop: number; other: number };
  users: Record<
    'sup' | 'leadStaff' | 'leadHead' | 'coopStaff' | 'coopHead' | 'otherStaff' | 'leader' | 'auditor',
    number
  >;
  as: Record<
    'sup' | 'admin' | 'leadStaff' | 'leadHead' | 'coopStaff' | 'coopHead' | 'otherStaff' | 'leader' | 'auditor',
    Call
  >;
}

/** Units and people for a suite; `prefix` keeps usernames apart when a file builds several. */
export async function buildReportingWorld(t: TestApp, prefix: string): Promise<ReportingWorld> {
  const lead = (await t.makeUnit(`${prefix}牵头局`)).id;
  const coop = (await t.makeUnit(`${prefix}配合局`)).id;
  const other = (await t.makeUnit(`${prefix}无关局`)).id;
  const users = {
    sup: await t.makeUser(`${prefix}.sup`, ['supervisor']),
    leadStaff: await t.makeUser(`${prefix}.lead.staff`, ['unit_staff'], { unitId: lead }),
    leadHead: await t.makeUser(`${prefix}.lead.head`, ['unit_head'], { unitId: lead }),
    coopStaff: await t.makeUser(`${prefix}.coop.staff`, ['unit_staff'], { unitId: coop }),
    coopHead: await t.makeUser(`${prefix}.coop.head`, ['unit_head'], { unitId: coop }),
    otherStaff: await t.makeUser(`${prefix}.other.staff`, ['unit_staff'], { unitId: other }),
    leader: await t.makeUser(`${prefix}.leader`, ['leader'], { unitsInChargeIds: [lead] }),
    auditor: await t.makeUser(`${prefix}.auditor`, ['auditor']),
  };
  const as = {} as ReportingWorld['as'];
  const logins: Array<[keyof ReportingWorld['as'], string]> = [
    ['sup', `${prefix}.sup`],
    ['admin', 'admin'],
    ['leadStaff', `${prefix}.lead.staff`],
    ['leadHead', `${prefix}.lead.head`],
    ['coopStaff', `${prefix}.coop.staff`],
    ['coopHead', `${prefix}.coop.head`],
    ['otherStaff', `${prefix}.other.staff`],
    ['leader', `${prefix}.leader`],
    ['auditor', `${prefix}.auditor`],
  ];
  for (const [key, username] of logins) as[key] = caller(t, await t.login(username));
  return { units: { lead, coop, other }, users, as };
}

/** Today in the app's zone. */
export function todayOf(t: TestApp): string {
  return localDate(new Date(), t.config.timeZone);
}

/** A date `n` days after (negative: before) another. */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * A task assigned on `assignedOn` (backdated after a real assignment) to the lead unit, with the
 * cooperating units, optionally with its own cycle (set before any slot opens, so it applies
 * from the assignment date).
 */
export async function makeReportingTask(
  t: TestApp,
  input: {
    title?: string;
    lead: number;
    cooperating?: number[];
    assignedOn: string;
    cycle?: { kind: ReportCycleKind; customDates?: string[]; anchorDate?: string | null };
    parentId?: number;
    isKey?: boolean;
  },
) {
  const task = await makeTask(t, {
    title: input.title ?? '进展反馈测试任务',
    leadUnitId: input.lead,
    cooperatingUnits: (input.cooperating ?? []).map((unitId) => ({ unitId })),
    ...(input.parentId ? { parentId: input.parentId } : {}),
    ...(input.isKey ? { isKey: true } : {}),
  });
  await advance(t, task.id, ['assign']);
  await t.db
    .updateTable('tasks')
    .set({ assigned_at: `${input.assignedOn}T04:00:00.000Z` })
    .where('id', '=', task.id)
    .execute();
  if (input.cycle) {
    await setReportCycle(
      { db: t.db, config: t.config },
      {
        taskId: task.id,
        version: 0,
        kind: input.cycle.kind,
        customDates: input.cycle.customDates,
        anchorDate: input.cycle.anchorDate ?? null,
        settings: await getReportSettings(t.db),
        actor: systemActor('test'),
      },
    );
  }
  return task;
}

interface SlotView {
  periodId: number;
  unitId: number;
  role: string;
  report: { id: number; version: number; status: string } | null;
}
interface PeriodView {
  start: string;
  end: string;
  dueDate: string;
  missingWorkingDays: number | null;
  slots: SlotView[];
}

/** The periods of GET /tasks/:id/reports as the caller sees them. */
export async function periodsOf(call: Call, taskId: number): Promise<PeriodView[]> {
  const res = await call('GET', `/tasks/${taskId}/reports`);
  if (res.statusCode !== 200) throw new Error(`GET reports ${res.statusCode} ${res.body}`);
  return res.json().periods;
}

/** The slot id of a unit for the period ending on `end`. */
export async function slotId(call: Call, taskId: number, end: string, unitId: number): Promise<number> {
  const period = (await periodsOf(call, taskId)).find((p) => p.end === end);
  const slot = period?.slots.find((s) => s.unitId === unitId);
  if (!slot) throw new Error(`no slot for unit ${unitId} ending ${end}`);
  return slot.periodId;
}

/** Starts a report as `call` and saves the given fields; answers the report detail. */
export async function draftReport(
  call: Call,
  taskId: number,
  periodId: number,
  fields: Record<string, unknown>,
): Promise<{ id: number; version: number; [key: string]: unknown }> {
  const started = await call('POST', `/tasks/${taskId}/reports`, { periodId });
  if (started.statusCode !== 201 && started.statusCode !== 200)
    throw new Error(`start ${started.statusCode} ${started.body}`);
  const report = started.json();
  const saved = await call('PUT', `/reports/${report.id}`, { version: report.version, ...fields });
  if (saved.statusCode !== 200) throw new Error(`save ${saved.statusCode} ${saved.body}`);
  return saved.json();
}

/** Takes an action on a report at its current version. */
export async function act(
  call: Call,
  reportId: number,
  action: string,
  reason?: string,
): Promise<LightMyRequestResponse> {
  const current = await call('GET', `/reports/${reportId}`);
  const version = current.statusCode === 200 ? current.json().version : 1;
  return call('POST', `/reports/${reportId}/actions`, { action, version, ...(reason ? { reason } : {}) });
}

/** Stores an accepted plan for a task directly (the plans flow is tested by its own suite). */
export async function acceptedPlan(t: TestApp, taskId: number, content: Partial<PlanContent>): Promise<void> {
  const now = new Date().toISOString();
  await t.db
    .insertInto('plans')
    .values({
      task_id: taskId,
      version_no: 1,
      status: 'accepted',
      content: JSON.stringify({
        targets: [],
        steps: [],
        milestones: [],
        expectedProgress: [],
        progressBasis: 'reports',
        ...content,
      }),
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
      submitted_at: now,
      decided_at: now,
      version: 1,
    })
    .execute();
}

/** A file row of a task (the bytes are not needed to link it as evidence). */
export async function taskFile(t: TestApp, taskId: number, name = '佐证材料.pdf'): Promise<number> {
  const row = await t.db
    .insertInto('files')
    .values({
      task_id: taskId,
      sha256: `${taskId}`.padStart(64, '0'),
      size_bytes: 1234,
      content_type: 'application/pdf',
      original_name: name,
      uploaded_by: null,
      unit_id: null,
      uploaded_at: new Date().toISOString(),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every row reporting can change, and the audit count: equal before and after = unchanged. */
export async function reportSnapshot(t: TestApp) {
  const [cycles, periods, reports, rounds, state, links, tasks, audit] = await Promise.all([
    t.db.selectFrom('report_cycles').selectAll().orderBy('task_id').execute(),
    t.db.selectFrom('report_periods').selectAll().orderBy('id').execute(),
    t.db.selectFrom('reports').selectAll().orderBy('id').execute(),
    t.db.selectFrom('report_rounds').selectAll().orderBy('id').execute(),
    t.db.selectFrom('task_report_state').selectAll().orderBy('task_id').execute(),
    t.db.selectFrom('evidence_links').selectAll().orderBy('file_id').orderBy('subject_id').execute(),
    t.db.selectFrom('tasks').select(['id', 'progress', 'version']).orderBy('id').execute(),
    t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { cycles, periods, reports, rounds, state, links, tasks, audit: Number(audit.n) };
}

/**
 * A report waiting for the supervision office on a task, written straight to the tables (for the
 * route matrix in app.test.ts, whose sample task stays a draft): answers its id.
 */
export async function seedSampleReport(db: TestApp['db'], taskId: number): Promise<number> {
  const task = await db.selectFrom('tasks').select('lead_unit_id').where('id', '=', taskId).executeTakeFirstOrThrow();
  if (task.lead_unit_id === null) throw new Error('the sample task needs a lead unit');
  const period = await db
    .insertInto('report_periods')
    .values({
      task_id: taskId,
      unit_id: task.lead_unit_id,
      role: 'lead',
      period_start: '2026-01-01',
      period_end: '2026-01-31',
      due_date: '2026-02-04',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const report = await db
    .insertInto('reports')
    .values({
      period_id: period.id,
      task_id: taskId,
      unit_id: task.lead_unit_id,
      role: 'lead',
      period_end: '2026-01-31',
      status: 'pending_supervisor',
      done_text: '矩阵样本进展',
      problems: '',
      next_steps: '',
      coordination: '',
      percent: 10,
      target_values: '{}',
      milestones_done: '[]',
      explanation: null,
      norm_length: 6,
      similarity: null,
      similar_report_id: null,
      submitted_at: now,
      late_working_days: 0,
      version: 1,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return report.id;
}
