import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import type { TestApp } from '../test/test-app.js';

// Set-up for the plans suites: a lead unit (staff and head), a cooperating unit, an unrelated unit,
// the supervision office and an auditor; tasks are made and assigned through the services.

export type Call = ReturnType<typeof caller>;

export interface PlanWorld {
  unit: { lead: number; coop: number; other: number };
  user: { staff: number; head: number; coopStaff: number; sup: number };
  as: { staff: Call; head: Call; coopStaff: Call; coopHead: Call; otherStaff: Call; sup: Call; aud: Call; admin: Call };
  /** An assigned task led by `lead` with `coop` cooperating, deadline 2027-12-31. */
  assignedTask(fields?: { isKey?: boolean; title?: string }): Promise<number>;
}

/** Builds the organisation and signs everyone in; `prefix` keeps usernames unique per suite. */
export async function planWorld(t: TestApp, prefix: string): Promise<PlanWorld> {
  const city = await t.makeUnit(`${prefix}市人民政府`);
  const unit = {
    lead: (await t.makeUnit(`${prefix}市住房和城乡建设局`, city.id)).id,
    coop: (await t.makeUnit(`${prefix}市自然资源和规划局`, city.id)).id,
    other: (await t.makeUnit(`${prefix}市教育局`, city.id)).id,
  };
  const user = {
    staff: await t.makeUser(`${prefix}.staff`, ['unit_staff'], { unitId: unit.lead }),
    head: await t.makeUser(`${prefix}.head`, ['unit_head'], { unitId: unit.lead }),
    coopStaff: await t.makeUser(`${prefix}.coop`, ['unit_staff'], { unitId: unit.coop }),
    sup: await t.makeUser(`${prefix}.sup`, ['supervisor']),
  };
  await t.makeUser(`${prefix}.coophead`, ['unit_head'], { unitId: unit.coop });
  await t.makeUser(`${prefix}.other`, ['unit_staff'], { unitId: unit.other });
  await t.makeUser(`${prefix}.aud`, ['auditor']);
  const login = async (name: string) => caller(t, await t.login(name));
  const as = {
    staff: await login(`${prefix}.staff`),
    head: await login(`${prefix}.head`),
    coopStaff: await login(`${prefix}.coop`),
    coopHead: await login(`${prefix}.coophead`),
    otherStaff: await login(`${prefix}.other`),
    sup: await login(`${prefix}.sup`),
    aud: await login(`${prefix}.aud`),
    admin: await login('admin'),
  };
  return {
    unit,
    user,
    as,
    async assignedTask(fields = {}) {
      const task = await makeTask(t, {
        title: fields.title ?? '保障性住房建设',
        isKey: fields.isKey ?? false,
        deadline: '2027-12-31',
        leadUnitId: unit.lead,
        cooperatingUnits: [{ unitId: unit.coop, part: '用地保障' }],
      });
      await advance(t, task.id, ['assign']);
      return task.id;
    },
  };
}

/** The lead unit's acknowledgement of a task, through the service. */
export async function acknowledgeAsLead(t: TestApp, world: PlanWorld, taskId: number) {
  return advance(t, taskId, [['acknowledge', await actorOf(t, world.user.staff)]]);
}

/** A plan as a client sends it: new items without ids. */
export function planBody(unitIds: { lead: number; coop: number }, overrides: Record<string, unknown> = {}) {
  return {
    targets: [
      { name: '新开工保障性住房', measureUnit: '套', baseline: 0, targetValue: 1200, dueDate: '2027-12-31' },
      { name: '棚户区改造', measureUnit: '户', baseline: 150, targetValue: 800 },
    ],
    steps: [
      { text: '摸清住房需求底数', ownerUnitId: unitIds.lead, startDate: '2027-01-05', endDate: '2027-03-31' },
      { text: '落实建设用地', ownerUnitId: unitIds.coop, endDate: '2027-06-30' },
    ],
    milestones: [
      { date: '2027-03-31', deliverable: '需求调查报告', evidenceRequired: true },
      { date: '2027-09-30', deliverable: '全部项目开工' },
    ],
    expectedProgress: [
      { quarter: '2027-Q1', percent: 15 },
      { quarter: '2027-Q2', percent: 40 },
      { quarter: '2027-Q3', percent: 70 },
      { quarter: '2027-Q4', percent: 100 },
    ],
    ...overrides,
  };
}

/** Sends a plan action and expects it to succeed; answers the new plan view. */
export async function act(call: Call, taskId: number, action: string, version: number, reason?: string) {
  const res = await call('POST', `/tasks/${taskId}/plan/actions`, { action, version, ...(reason ? { reason } : {}) });
  if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The plan's version after an answer (for the next request). */
export function planVersion(res: LightMyRequestResponse): number {
  return (res.json() as { plan: { version: number } }).plan.version;
}

async function count(db: Database, table: 'audit_log' | 'task_events' | 'notifications'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything a refused plan request could have touched. Equal before and after = unchanged. */
export async function planSnapshot(db: Database) {
  const [plans, parts, rounds, tasks, taskUnits, audit, events, notifications] = await Promise.all([
    db.selectFrom('plans').selectAll().orderBy('id').execute(),
    db.selectFrom('plan_parts').selectAll().orderBy('plan_id').orderBy('unit_id').execute(),
    db.selectFrom('plan_rounds').selectAll().orderBy('id').execute(),
    db.selectFrom('tasks').selectAll().orderBy('id').execute(),
    db.selectFrom('task_units').selectAll().orderBy('task_id').orderBy('unit_id').execute(),
    count(db, 'audit_log'),
    count(db, 'task_events'),
    count(db, 'notifications'),
  ]);
  return { plans, parts, rounds, tasks, taskUnits, audit, events, notifications };
}

/** The task's timeline actions, oldest first. */
export async function timeline(db: Database, taskId: number) {
  return db
    .selectFrom('task_events')
    .select(['action', 'from_status', 'to_status', 'reason'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}

/** Who got notified of what about a task's plan: `kind → user ids`. */
export async function notified(db: Database, taskId: number): Promise<Record<string, number[]>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['kind', 'user_id'])
    .where('task_id', '=', taskId)
    .where('kind', 'like', 'plan.%')
    .orderBy('id')
    .execute();
  const byKind: Record<string, number[]> = {};
  for (const row of rows) byKind[row.kind] = [...(byKind[row.kind] ?? []), row.user_id].sort((a, b) => a - b);
  return byKind;
}

/**
 * Puts an empty version 1 plan on a task directly (whatever its status), for suites that only need
 * a plan to exist, like the route matrix.
 */
export async function seedEmptyPlan(db: Database, taskId: number): Promise<void> {
  const now = new Date().toISOString();
  const content = { targets: [], steps: [], milestones: [], expectedProgress: [], progressBasis: 'reports' };
  await db
    .insertInto('plans')
    .values({
      task_id: taskId,
      version_no: 1,
      status: 'draft',
      content: JSON.stringify(content),
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
      submitted_at: null,
      decided_at: null,
      version: 1,
    })
    .execute();
}
