import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { actorOf, advance, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { runDailyFullSweep } from './full-sweep.service.js';
import { sweepAll, sweepQueued } from './sweep.service.js';

// The sweep over real tasks on both databases: lights and reasons written to the task row, the
// default ladder firing each rung once on its day (reminder → urge → notice → interview proposal),
// nothing fired twice by repeated or concurrent sweeps, the queue emptied by the incremental sweep,
// and the daily full sweep done once a day.

let t: TestApp;
const unit = { city: 0, a: 0 };
const u = { aHead: 0, aStaff: 0, sup: 0, leader: 0 };
let aStaff: Actor;
const timeZone = 'Asia/Shanghai';

beforeAll(async () => {
  t = await createTestApp();
  unit.city = (await t.makeUnit('市人民政府')).id;
  unit.a = (await t.makeUnit('市交通运输局', unit.city)).id;
  u.aHead = await t.makeUser('s.ahead', ['unit_head'], { unitId: unit.a });
  u.aStaff = await t.makeUser('s.astaff', ['unit_staff'], { unitId: unit.a });
  u.sup = await t.makeUser('s.sup', ['supervisor']);
  u.leader = await t.makeUser('s.leader', ['leader'], { unitsInChargeIds: [unit.city] });
  aStaff = await actorOf(t, u.aStaff);
});
afterAll(() => t.close());

/** An acknowledged task of unit A with this deadline, its responsible person A's staff member. */
async function openTask(deadline: string, title = '推进综合交通枢纽建设') {
  const task = await makeTask(t, {
    title,
    leadUnitId: unit.a,
    deadline,
    responsiblePersonId: u.aStaff,
    responsibleLeaderId: u.leader,
  });
  return advance(t, task.id, ['assign', ['acknowledge', aStaff]]);
}

function actionsOf(taskId: number) {
  return t.db
    .selectFrom('supervision_actions')
    .select(['kind', 'rule_id', 'occurrence_key', 'origin', 'recipients', 'notice_id'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}

function health(taskId: number) {
  return t.db
    .selectFrom('tasks')
    .select(['health_light', 'health_flags', 'health_reasons', 'health_on'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
}

async function inbox(userId: number, taskId: number) {
  return t.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('user_id', '=', userId)
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}

describe('sweepAll', () => {
  it('should climb the default ladder one rung on each rung’s day, and light the task red once overdue', async () => {
    const task = await openTask('2026-12-10');
    const sweep = (today: string) => sweepAll(t.db, { today, timeZone });

    await sweep('2026-11-30');
    expect(await actionsOf(task.id)).toEqual([]);
    expect((await health(task.id)).health_light).toBe('green');

    // Four working days before the deadline at 0 %: amber, behind the time-elapsed pace (序时进度).
    await sweep('2026-12-04');
    expect(await actionsOf(task.id)).toEqual([]);
    const amber = await health(task.id);
    expect(amber.health_light).toBe('amber');
    expect(JSON.parse(amber.health_reasons)).toMatchObject([{ code: 'behind_trajectory', workingDaysLeft: 4 }]);

    // Three working days before the deadline: a reminder to the responsible person.
    await sweep('2026-12-07');
    expect((await actionsOf(task.id)).map((a) => a.rule_id)).toEqual(['deadline-reminder']);
    expect((await inbox(u.aStaff, task.id)).map((n) => n.kind)).toContain('supervision.reminder');

    // The first overdue working day: red with the reason, and an urge to the unit head.
    await sweep('2026-12-11');
    const red = await health(task.id);
    expect(red.health_light).toBe('red');
    expect(red.health_flags & 1).toBe(1);
    expect(JSON.parse(red.health_reasons)).toContainEqual({ code: 'overdue', severity: 'red', workingDays: 1 });
    expect((await actionsOf(task.id)).map((a) => a.rule_id)).toEqual(['deadline-reminder', 'overdue-urge']);
    const urge = (await inbox(u.aHead, task.id)).find((n) => n.kind === 'supervision.urge');
    expect(JSON.parse(urge?.params ?? '{}')).toMatchObject({ trigger: 'after_deadline', workingDays: 1 });

    // Five full overdue working days later: a supervision notice (督办单) to the lead unit.
    await sweep('2026-12-18');
    const withNotice = await actionsOf(task.id);
    expect(withNotice.map((a) => a.kind)).toEqual(['reminder', 'urge', 'notice']);
    const notice = await t.db
      .selectFrom('supervision_notices')
      .selectAll()
      .where('task_id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(notice.number).toMatch(/^督〔2026〕\d+号$/);
    expect(notice.unit_id).toBe(unit.a);
    expect(withNotice[2]?.notice_id).toBe(notice.id);

    // Ten: an interview proposal (约谈) to the responsible leader.
    await sweep('2026-12-25');
    expect((await actionsOf(task.id)).map((a) => a.kind)).toEqual(['reminder', 'urge', 'notice', 'interview_proposal']);
    expect((await inbox(u.leader, task.id)).map((n) => n.kind)).toContain('supervision.interview_proposal');

    // The timeline has one entry per rung.
    const events = await t.db
      .selectFrom('task_events')
      .select('action')
      .where('task_id', '=', task.id)
      .where('action', 'like', 'ladder_%')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'ladder_reminder',
      'ladder_urge',
      'ladder_notice',
      'ladder_interview_proposal',
    ]);
  });

  it('should fire nothing twice, however often or concurrently it sweeps', async () => {
    const tasks = await Promise.all([
      openTask('2026-12-10', '甲'),
      openTask('2026-12-10', '乙'),
      openTask('2026-12-10', '丙'),
    ]);
    await Promise.all([
      sweepAll(t.db, { today: '2026-12-18', timeZone }),
      sweepAll(t.db, { today: '2026-12-18', timeZone }),
      sweepAll(t.db, { today: '2026-12-18', timeZone }),
    ]);
    const again = await sweepAll(t.db, { today: '2026-12-18', timeZone });
    expect(again.fired).toBe(0);
    for (const task of tasks) {
      // Swept first after the deadline: the reminder's day is gone, the overdue rungs are due.
      expect((await actionsOf(task.id)).map((a) => a.rule_id).sort()).toEqual(['overdue-notice', 'overdue-urge']);
      const notices = await t.db
        .selectFrom('supervision_notices')
        .select('id')
        .where('task_id', '=', task.id)
        .execute();
      expect(notices).toHaveLength(1);
      const urges = (await inbox(u.aHead, task.id)).filter((n) => n.kind === 'supervision.urge');
      expect(urges).toHaveLength(1);
    }
  });

  it('should clear the light of a task that is no longer open', async () => {
    const task = await openTask('2026-12-10');
    await sweepAll(t.db, { today: '2026-12-11', timeZone });
    expect((await health(task.id)).health_light).toBe('red');
    await advance(t, task.id, ['suspend']);
    await sweepQueued(t.db, { today: '2026-12-11', timeZone });
    expect(await health(task.id)).toMatchObject({ health_light: null, health_flags: 0, health_reasons: '[]' });
  });
});

describe('sweepQueued', () => {
  it('should assess the tasks changed since the last sweep and empty the queue', async () => {
    const task = await openTask('2027-03-31');
    const queued = await t.db.selectFrom('health_queue').select('task_id').where('task_id', '=', task.id).execute();
    expect(queued).toHaveLength(1);
    await t.db.updateTable('tasks').set({ health_light: null }).where('id', '=', task.id).execute();
    const result = await sweepQueued(t.db, { today: '2026-12-01', timeZone });
    expect(result.assessed).toBeGreaterThanOrEqual(1);
    expect((await health(task.id)).health_light).toBe('green');
    const left = await t.db.selectFrom('health_queue').select('task_id').execute();
    expect(left).toEqual([]);
  });
});

describe('runDailyFullSweep', () => {
  it('should run once a day: a second call the same day does nothing, the next day runs again', async () => {
    const first = await runDailyFullSweep(t.db, { today: '2027-01-04', timeZone });
    expect(first?.assessed).toBeGreaterThan(0);
    expect(await runDailyFullSweep(t.db, { today: '2027-01-04', timeZone })).toBeNull();
    expect(await runDailyFullSweep(t.db, { today: '2027-01-05', timeZone })).not.toBeNull();
  });
});
