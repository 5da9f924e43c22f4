import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBefore } from '../../domain/cockpit-figures.js';
import { localDate } from '../../domain/dates.js';
import type { Cockpit, CockpitQuery } from '../../shared/cockpit-api.js';
import { type CockpitView, type DrillTarget, drillDownQuery } from '../../shared/cockpit-drill.js';
import { systemActor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { advance, caller, makeSource, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { moveUnit } from '../units/units.service.js';
import { rebuildTaskStats } from './cockpit-rebuild.repository.js';

// The must-show proof of the cockpit (issue 8): after a random sequence of changes — status, light,
// flags, progress against expectation, deadline, closure, lead unit, tags, source, key flag, unit
// moves, new units, new tasks, report slots and reports, made both by the services and by plain
// SQL (the triggers must catch every writer) — the summary tables equal a recomputation from the
// rows, and every figure of GET /cockpit equals a direct count over the same scope, for the whole
// organisation, one unit, and a leader's two units, with and without each filter. On both databases.

let t: TestApp;
const units: Record<string, number> = {};
const sources: number[] = [];
const taskIds: number[] = [];
let today = '';
let outside = 0;
let periodId = 0;
let supervisor: ReturnType<typeof caller>;
let leader: ReturnType<typeof caller>;
const TAGS = ['民生', '营商环境', '乡村振兴'];
const OPEN = ['assigned', 'in_progress', 'closure_requested', 'returned'];
const OVERDUE = ['assigned', 'in_progress', 'returned'];
const STATUSES = ['draft', ...OPEN, 'suspended', 'closed', 'cancelled'];

/** A small deterministic generator (the sequence is the same on every run and dialect). */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}
const random = generator(20261127);

const dayOffset = (days: number) => (days >= 0 ? daysAfter(today, days) : daysBefore(today, -days));
function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function unitPath(id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await t.db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow();
  return row.path;
}

async function newTask() {
  const lead = random.chance(0.1) ? null : random.pick(Object.values(units));
  const made = await makeTask(t, {
    title: `任务${taskIds.length + 1}`,
    leadUnitId: lead,
    sourceId: random.chance(0.2) ? null : random.pick(sources),
    tags: TAGS.filter(() => random.chance(0.35)),
    isKey: random.chance(0.4),
    deadline: dayOffset(random.int(-120, 90)),
  });
  taskIds.push(made.id);
  if (lead !== null && random.chance(0.7)) await advance(t, made.id, ['assign']);
}

/** One random change, through SQL (any writer) or a service. */
async function change(step: number) {
  const id = random.pick(taskIds);
  const kind = random.int(0, 11);
  const set = (values: Record<string, unknown>) =>
    t.db
      .updateTable('tasks')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  switch (kind) {
    case 0: {
      const status = random.pick(STATUSES);
      const closed = status === 'closed';
      const closedOn = dayOffset(random.int(-400, 0));
      await set({
        status,
        closed_at: closed ? `${closedOn}T${random.chance(0.5) ? '01' : '15'}:30:00.000Z` : null,
        // Rows closed before migration 0014 have no closed_on: the UTC day stands in.
        closed_on: closed && random.chance(0.8) ? closedOn : null,
        health_light: OPEN.includes(status) ? random.pick([null, 'red', 'amber', 'green']) : null,
      });
      break;
    }
    case 1:
      await set({ health_light: random.pick([null, 'red', 'amber', 'green']), health_flags: random.int(0, 15) });
      break;
    case 2:
      await set({
        progress: random.int(0, 100),
        health_expected: random.chance(0.2) ? null : random.int(0, 100) + random.pick([0, 0.5]),
      });
      break;
    case 3:
      await set({ deadline: random.chance(0.1) ? null : dayOffset(random.int(-400, 120)) });
      break;
    case 4: {
      // The lead unit moves, and its task_units row with it (what the task service does).
      const lead = random.chance(0.1) ? null : random.pick(Object.values(units));
      const path = await unitPath(lead);
      await set({ lead_unit_id: lead, lead_unit_path: path });
      await t.db.deleteFrom('task_units').where('task_id', '=', id).where('role', '=', 'lead').execute();
      if (lead !== null && path !== null) {
        await t.db
          .insertInto('task_units')
          .values({
            task_id: id,
            unit_id: lead,
            role: 'lead',
            unit_path: path,
            part: null,
            acknowledged_at: null,
            acknowledged_by: null,
          })
          .execute();
      }
      break;
    }
    case 5:
      await set({ tags: JSON.stringify(TAGS.filter(() => random.chance(0.4))) });
      break;
    case 6:
      await set({ source_id: random.chance(0.2) ? null : random.pick(sources), is_key: random.int(0, 1) });
      break;
    case 7:
      await newTask();
      break;
    case 8: {
      // Move a unit elsewhere (never into its own subtree), through the service.
      const all = (await t.db.selectFrom('units').select(['id', 'path', 'version']).execute()).filter(
        (u) => u.id !== outside,
      );
      const unit = random.pick(all.filter((u) => u.id !== units.city));
      const targets = all.filter((u) => !u.path.startsWith(unit.path));
      const target = random.chance(0.2) ? null : random.pick(targets);
      await moveUnit(t.db, {
        unitId: unit.id,
        version: unit.version,
        parentId: target?.id ?? null,
        actor: systemActor('test'),
      });
      break;
    }
    case 9: {
      units[`new${step}`] = (await t.makeUnit(`新单位${step}`, random.pick(Object.values(units)))).id;
      break;
    }
    case 10: {
      // A report slot due in the last few weeks, then perhaps its report, perhaps late, perhaps re-dated.
      const unitId = random.pick(Object.values(units));
      const due = dayOffset(random.int(-40, 3));
      const slot = await t.db
        .insertInto('report_periods')
        .values({ task_id: id, unit_id: unitId, role: 'lead', period_start: due, period_end: due, due_date: due })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (random.chance(0.7)) {
        const at = nowIso();
        const report = await t.db
          .insertInto('reports')
          .values({
            period_id: slot.id,
            task_id: id,
            unit_id: unitId,
            role: 'lead',
            period_end: due,
            status: 'draft',
            done_text: '',
            problems: '',
            next_steps: '',
            coordination: '',
            percent: null,
            target_values: '{}',
            milestones_done: '[]',
            submitted_at: null,
            late_working_days: null,
            version: 1,
            created_at: at,
            updated_at: at,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        if (random.chance(0.8)) {
          await t.db
            .updateTable('reports')
            .set({ status: 'pending_supervisor', submitted_at: at, late_working_days: random.pick([0, 0, 2]) })
            .where('id', '=', report.id)
            .execute();
        }
      }
      break;
    }
    default: {
      // Through the services: assign a draft, or close an open task (closed_on written by the service).
      const row = await t.db
        .selectFrom('tasks')
        .select(['status', 'lead_unit_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (row.status === 'draft' && row.lead_unit_id !== null) await advance(t, id, ['assign']);
      else if (OPEN.includes(row.status)) {
        await set({ status: 'closure_requested' });
        await advance(t, id, ['close']);
      }
    }
  }
}

interface TaskFacts {
  id: number;
  lead: number | null;
  tags: string[];
  source: number;
  key: boolean;
  status: string;
  light: string;
  stalled: boolean;
  trajectory: string;
  deadline: string | null;
  closedDay: string | null;
}

async function taskFacts(): Promise<TaskFacts[]> {
  const rows = await t.db.selectFrom('tasks').selectAll().execute();
  return rows.map((row) => {
    const open = OPEN.includes(row.status);
    const expected = row.health_expected === null ? null : Number(row.health_expected);
    const gap = expected === null ? null : Number(row.progress) - expected;
    return {
      id: row.id,
      lead: row.lead_unit_id,
      tags: [...new Set(JSON.parse(row.tags) as string[])],
      source: row.source_id ?? 0,
      key: row.is_key === 1,
      status: row.status,
      light: open ? (row.health_light ?? '') : (row.health_light ?? ''),
      stalled: (row.health_flags & 2) !== 0,
      trajectory:
        row.is_key === 1 && open && gap !== null
          ? gap >= 0
            ? 'on_track'
            : gap > -10
              ? 'slightly_behind'
              : gap > -30
                ? 'behind'
                : 'far_behind'
          : '',
      deadline: row.deadline,
      closedDay:
        row.status === 'closed' && row.closed_at ? (row.closed_on ?? String(row.closed_at).slice(0, 10)) : null,
    };
  });
}

async function unitPaths(): Promise<Map<number, string>> {
  const rows = await t.db.selectFrom('units').select(['id', 'path']).execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** The summary table recomputed from the rows: every (ancestor, tag) of every task. */
async function expectSummariesEqualRows() {
  const [facts, paths] = await Promise.all([taskFacts(), unitPaths()]);
  const expected = new Map<string, number>();
  const expectedBars = new Map<string, number>();
  for (const task of facts) {
    const ancestors = [
      0,
      ...(task.lead === null ? [] : (paths.get(task.lead) ?? '').split('/').filter(Boolean).map(Number)),
    ];
    const canOverdue = OVERDUE.includes(task.status);
    const open = OPEN.includes(task.status);
    const group = canOverdue
      ? 'open'
      : task.status === 'closure_requested'
        ? 'closing'
        : task.status === 'closed'
          ? 'closed'
          : 'other';
    const dueMonth = canOverdue && task.deadline ? task.deadline.slice(0, 7) : '';
    const rest = [
      task.key ? 1 : 0,
      group,
      task.light,
      task.key && open && task.stalled ? 1 : 0,
      task.trajectory,
      dueMonth,
      task.closedDay ? task.closedDay.slice(0, 7) : '',
      task.closedDay && (!task.deadline || task.closedDay <= task.deadline) ? 1 : 0,
    ];
    for (const ancestor of ancestors) {
      for (const tag of ['', ...task.tags]) {
        const key = JSON.stringify([ancestor, tag, ...rest]);
        expected.set(key, (expected.get(key) ?? 0) + 1);
        if (open) {
          const barKey = JSON.stringify([ancestor, tag, task.key ? 1 : 0, task.light, dueMonth]);
          expectedBars.set(barKey, (expectedBars.get(barKey) ?? 0) + 1);
        }
      }
    }
  }
  const stored = await t.db.selectFrom('task_stats').selectAll().where('n', '<>', 0).execute();
  const actual = new Map(
    stored.map((row) => [
      JSON.stringify([
        row.unit_id,
        row.tag,
        row.is_key,
        row.status_group,
        row.light,
        row.stalled,
        row.trajectory,
        row.due_month,
        row.closed_month,
        row.on_time,
      ]),
      Number(row.n),
    ]),
  );
  const storedBars = await t.db.selectFrom('task_bar_stats').selectAll().where('n', '<>', 0).execute();
  expect(
    Object.fromEntries(
      storedBars.map((row) => [
        JSON.stringify([row.unit_id, row.tag, row.is_key, row.light, row.due_month]),
        Number(row.n),
      ]),
    ),
  ).toEqual(Object.fromEntries(expectedBars));
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));

  const slots = await t.db
    .selectFrom('report_periods as p')
    .leftJoin('reports as r', 'r.period_id', 'p.id')
    .select(['p.unit_id', 'p.due_date', 'r.submitted_at', 'r.late_working_days'])
    .execute();
  const expectedSlots = new Map<string, number>();
  for (const slot of slots) {
    const outcome = slot.submitted_at === null ? 'open' : (slot.late_working_days ?? 0) > 0 ? 'late' : 'on_time';
    const ancestors = [0, ...(paths.get(slot.unit_id) ?? '').split('/').filter(Boolean).map(Number)];
    for (const ancestor of ancestors) {
      const key = JSON.stringify([ancestor, slot.due_date, outcome]);
      expectedSlots.set(key, (expectedSlots.get(key) ?? 0) + 1);
    }
  }
  const storedSlots = await t.db.selectFrom('report_slot_stats').selectAll().where('n', '<>', 0).execute();
  expect(
    Object.fromEntries(
      storedSlots.map((row) => [JSON.stringify([row.unit_id, row.due_date, row.outcome]), Number(row.n)]),
    ),
  ).toEqual(Object.fromEntries(expectedSlots));
}

/** Every figure of one cockpit answer, counted directly from the rows over the same scope. */
async function expectCockpitEqualsDirectCounts(
  who: ReturnType<typeof caller>,
  roots: number[] | 'all',
  query: CockpitQuery,
) {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(
      ([key, value]): Array<[string, string]> => (value === undefined ? [] : [[key, String(value)]]),
    ),
  );
  const res = await who('GET', `/cockpit?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  const cockpit = res.json() as Cockpit;
  const [facts, paths] = await Promise.all([taskFacts(), unitPaths()]);
  const pathOf = (id: number | null) => (id === null ? null : (paths.get(id) ?? null));
  const rootPaths = roots === 'all' ? null : roots.map((id) => paths.get(id) as string);
  const periodTasks =
    query.periodId === undefined
      ? null
      : new Set(
          (
            await t.db
              .selectFrom('assessment_tasks')
              .select('task_id')
              .where('period_id', '=', Number(query.periodId))
              .execute()
          ).map((row) => row.task_id),
        );
  const inView = facts.filter((task) => {
    if (periodTasks && !periodTasks.has(task.id)) return false;
    if (query.sourceId !== undefined && task.source !== query.sourceId) return false;
    if (query.tag !== undefined && !task.tags.includes(query.tag)) return false;
    if (query.keyOnly === 'true' && !task.key) return false;
    if (rootPaths === null) return true;
    const path = pathOf(task.lead);
    return path !== null && rootPaths.some((root) => path.startsWith(root));
  });
  const open = inView.filter((task) => OPEN.includes(task.status));
  const overdue = (task: TaskFacts) => OVERDUE.includes(task.status) && task.deadline !== null && task.deadline < today;
  const closed = inView.filter((task) => task.status === 'closed');
  const onTime = (task: TaskFacts) =>
    task.closedDay !== null && (task.deadline === null || task.closedDay <= task.deadline);
  const figures = cockpit.figures;
  expect({
    open: figures.open,
    closed: figures.closed,
    overdue: figures.overdue,
    red: figures.red,
    amber: figures.amber,
    green: figures.green,
    stalledKey: figures.stalledKey,
    redKey: figures.redKey,
    closedOnTime: figures.closedOnTime,
  }).toEqual({
    open: open.length,
    closed: closed.length,
    overdue: inView.filter(overdue).length,
    red: open.filter((task) => task.light === 'red').length,
    amber: open.filter((task) => task.light === 'amber').length,
    green: open.filter((task) => task.light === 'green').length,
    stalledKey: open.filter((task) => task.key && task.stalled).length,
    redKey: open.filter((task) => task.key && task.light === 'red').length,
    closedOnTime: closed.filter(onTime).length,
  });

  // Lights and overdue per bar, and the heat map's cells.
  for (const bar of cockpit.unitLights) {
    const barPath = paths.get(bar.unit.id) as string;
    const under = (task: TaskFacts) =>
      bar.own ? pathOf(task.lead) === barPath : (pathOf(task.lead)?.startsWith(barPath) ?? false);
    const barOpen = open.filter(under);
    expect({
      unit: bar.unit.id,
      red: bar.red,
      amber: bar.amber,
      green: bar.green,
      unlit: bar.unlit,
      overdue: bar.overdue,
    }).toEqual({
      unit: bar.unit.id,
      red: barOpen.filter((task) => task.light === 'red').length,
      amber: barOpen.filter((task) => task.light === 'amber').length,
      green: barOpen.filter((task) => task.light === 'green').length,
      unlit: barOpen.filter((task) => !['red', 'amber', 'green'].includes(task.light)).length,
      overdue: inView.filter((task) => under(task) && overdue(task)).length,
    });
    const row = cockpit.overdueHeat.units.findIndex((unit) => unit.id === bar.unit.id);
    cockpit.overdueHeat.months.forEach((month, column) => {
      const cell = cockpit.overdueHeat.cells.find(([r, c]) => r === row && c === column)?.[2] ?? 0;
      const direct = inView.filter((task) => under(task) && overdue(task) && task.deadline?.startsWith(month)).length;
      expect({ unit: bar.unit.id, month, n: cell }).toEqual({ unit: bar.unit.id, month, n: direct });
    });
  }
  for (const bucket of cockpit.trajectory) {
    expect(bucket.count, bucket.bucket).toBe(open.filter((task) => task.trajectory === bucket.bucket).length);
  }
  for (const month of cockpit.completions) {
    const inMonth = closed.filter((task) => task.closedDay?.startsWith(month.month));
    expect(month).toEqual({
      month: month.month,
      onTime: inMonth.filter(onTime).length,
      late: inMonth.filter((task) => !onTime(task)).length,
    });
  }

  // Reports on time: slots of units in view due in the 28 days before today.
  if (query.sourceId === undefined && query.tag === undefined && query.keyOnly === undefined && !periodTasks) {
    const slots = await t.db
      .selectFrom('report_periods as p')
      .leftJoin('reports as r', 'r.period_id', 'p.id')
      .select(['p.unit_id', 'p.due_date', 'r.submitted_at', 'r.late_working_days'])
      .where('p.due_date', '>=', daysBefore(today, 28))
      .where('p.due_date', '<', today)
      .execute();
    const counted = slots.filter((slot) => {
      const path = paths.get(slot.unit_id) as string;
      return rootPaths === null || rootPaths.some((root) => path.startsWith(root));
    });
    expect(figures.reports).toMatchObject({
      onTime: counted.filter((s) => s.submitted_at !== null && (s.late_working_days ?? 0) === 0).length,
      late: counted.filter((s) => s.submitted_at !== null && (s.late_working_days ?? 0) > 0).length,
      missing: counted.filter((s) => s.submitted_at === null).length,
    });
  }
  return cockpit;
}

/** How many tasks a drill-down list holds (all pages). */
async function listLength(who: ReturnType<typeof caller>, query: Record<string, string>): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '200', ...(cursor ? { cursor } : {}) });
    const res = await who('GET', `/tasks?${params}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: unknown[]; nextCursor: string | null };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

/** Every figure's and chart element's drill-down list holds exactly as many tasks as it shows. */
async function expectDrillDownsMatch(who: ReturnType<typeof caller>, view: CockpitView, cockpit: Cockpit) {
  const f = cockpit.figures;
  const checks: Array<[DrillTarget, number]> = [
    [{ kind: 'open' }, f.open],
    [{ kind: 'closed' }, f.closed],
    [{ kind: 'closedOnTime' }, f.closedOnTime],
    [{ kind: 'overdue' }, f.overdue],
    [{ kind: 'stalledKey' }, f.stalledKey],
    [{ kind: 'redKey' }, f.redKey],
    [{ kind: 'light', light: 'red' }, f.red],
    [{ kind: 'light', light: 'amber' }, f.amber],
    ...cockpit.trajectory.map((b): [DrillTarget, number] => [{ kind: 'trajectory', bucket: b.bucket }, b.count]),
    ...cockpit.completions.flatMap(
      (m): Array<[DrillTarget, number]> => [
        [{ kind: 'completions', month: m.month, onTime: true }, m.onTime],
        [{ kind: 'completions', month: m.month, onTime: false }, m.late],
      ],
    ),
    ...cockpit.unitLights.flatMap(
      (bar): Array<[DrillTarget, number]> => [
        [{ kind: 'unit', unitId: bar.unit.id, own: bar.own, light: 'red' }, bar.red],
        [{ kind: 'unit', unitId: bar.unit.id, own: bar.own }, bar.red + bar.amber + bar.green + bar.unlit],
        [{ kind: 'unitOverdue', unitId: bar.unit.id, own: bar.own }, bar.overdue],
      ],
    ),
    ...cockpit.overdueHeat.cells.map(([row, column, n]): [DrillTarget, number] => [
      {
        kind: 'unitOverdue',
        unitId: cockpit.overdueHeat.units[row]?.id as number,
        own: cockpit.overdueHeat.units[row]?.own,
        month: cockpit.overdueHeat.months[column] as string,
      },
      n,
    ]),
  ];
  for (const [target, n] of checks) {
    expect({ target, n: await listLength(who, drillDownQuery(view, target)) }).toEqual({ target, n });
  }
}

async function expectEveryViewEqual(withDrillDowns = false) {
  await expectSummariesEqualRows();
  const filters: CockpitQuery[] = [
    {},
    { sourceId: sources[0] },
    { tag: TAGS[0] },
    { keyOnly: 'true' },
    { periodId },
    { periodId, tag: TAGS[1] },
  ];
  for (const filter of filters) {
    const view = {
      sourceId: filter.sourceId === undefined ? undefined : Number(filter.sourceId),
      tag: filter.tag,
      keyOnly: filter.keyOnly === 'true',
      periodId: filter.periodId === undefined ? undefined : Number(filter.periodId),
    };
    const whole = await expectCockpitEqualsDirectCounts(supervisor, 'all', filter);
    const one = await expectCockpitEqualsDirectCounts(supervisor, [units.a as number], { ...filter, unitId: units.a });
    const charge = await expectCockpitEqualsDirectCounts(leader, [units.a as number, units.b1 as number], filter);
    if (withDrillDowns) {
      await expectDrillDownsMatch(supervisor, { ...view, unitIds: null }, whole);
      await expectDrillDownsMatch(supervisor, { ...view, unitIds: [units.a as number] }, one);
      await expectDrillDownsMatch(leader, { ...view, unitIds: [units.a as number, units.b1 as number] }, charge);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  today = localDate(new Date(), t.config.timeZone);
  units.city = (await t.makeUnit('市人民政府')).id;
  units.a = (await t.makeUnit('市发展改革委', units.city)).id;
  units.a1 = (await t.makeUnit('发改委综合科', units.a)).id;
  units.a2 = (await t.makeUnit('发改委投资科', units.a)).id;
  units.b = (await t.makeUnit('市财政局', units.city)).id;
  units.b1 = (await t.makeUnit('财政局预算科', units.b)).id;
  units.c = (await t.makeUnit('某区人民政府')).id;
  for (const title of ['政府工作报告', '常务会议纪要']) sources.push((await makeSource(t, { title })).id);
  await t.makeUser('ck.sup', ['supervisor'], { unitId: units.city });
  await t.makeUser('ck.leader', ['leader'], { unitsInChargeIds: [units.a as number, units.b1 as number] });
  supervisor = caller(t, await t.login('ck.sup'));
  leader = caller(t, await t.login('ck.leader'));
  for (let i = 0; i < 40; i++) await newTask();
  outside = (await t.makeUnit('不在分管范围的单位')).id;
  // A period over half the tasks: its view is counted straight from the rows, not the summaries.
  const period = await supervisor('POST', '/assessment/periods', {
    name: '随机考核期',
    startsOn: daysBefore(today, 400),
    endsOn: today,
    selection: { taskIds: taskIds.filter((_, i) => i % 2 === 0), handPickedOnly: true },
  });
  expect(period.statusCode, period.body).toBe(201);
  periodId = period.json().id;
  expect((await supervisor('POST', `/assessment/periods/${periodId}/compute`, {})).statusCode).toBeLessThan(300);
  const members = await t.db
    .selectFrom('assessment_tasks')
    .select('task_id')
    .where('period_id', '=', periodId)
    .execute();
  expect(members.length).toBeGreaterThan(5);
});
afterAll(() => t.close());

describe('cockpit summaries', () => {
  it('should equal direct counts after the tasks are made', async () => {
    await expectEveryViewEqual();
  });

  it('should equal direct counts after a random sequence of changes', async () => {
    for (let round = 0; round < 3; round++) {
      for (let step = 0; step < 70; step++) await change(round * 100 + step);
      await expectEveryViewEqual(round === 2);
    }
  }, 180_000);

  it('should rebuild from the rows exactly what the triggers kept (the generator’s path)', async () => {
    const read = async () =>
      [
        ...(await t.db.selectFrom('task_stats').selectAll().where('n', '<>', 0).execute()).map((row) =>
          JSON.stringify({ ...row, n: Number(row.n) }),
        ),
        ...(await t.db.selectFrom('task_bar_stats').selectAll().where('n', '<>', 0).execute()).map((row) =>
          JSON.stringify({ bar: true, ...row, n: Number(row.n) }),
        ),
      ].sort();
    const kept = await read();
    await rebuildTaskStats(t.db, t.dialect);
    expect(await read()).toEqual(kept);
  });

  it('should refuse a unit outside the leader’s charge as not found', async () => {
    const res = await leader('GET', `/cockpit?unitId=${outside}`);
    expect(res.statusCode).toBe(404);
  });
});
