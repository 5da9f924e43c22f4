import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../../domain/escalation-ladder.js';
import { systemActor } from '../auth/actor.js';
import { getLadderSettings, updateLadderSettings } from '../supervision/ladder-settings.service.js';
import { sweepAll } from '../supervision/sweep.service.js';
import { actorOf, advance, caller, makeTask } from '../test/task-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// The escalation ladder's last rung (问责) driven by the sweep on both databases: it proposes
// exactly one record against the lead unit, with the task's earlier actions and notices as
// evidence, however often the sweep runs; the lead unit's staff then see it.

let t: TestApp;
const unit = { a: 0 };
const u = { aStaff: 0 };
const timeZone = 'Asia/Shanghai';

beforeAll(async () => {
  t = await createTestApp();
  unit.a = (await t.makeUnit('市交通运输局')).id;
  u.aStaff = await t.makeUser('l.astaff', ['unit_staff'], { unitId: unit.a });
  // The shipped ladder proposes accountability after 20 overdue working days; this organisation does so after 15.
  const { version } = await getLadderSettings(t.db);
  await updateLadderSettings(t.db, {
    version,
    actor: systemActor('test'),
    rules: DEFAULT_LADDER.map((rule) =>
      rule.id === 'overdue-accountability'
        ? { ...rule, trigger: { kind: 'after_deadline' as const, workingDays: 15 } }
        : { ...rule },
    ),
  });
});
afterAll(() => t.close());

function recordsOf(taskId: number) {
  return t.db
    .selectFrom('accountability_records as r')
    .innerJoin('accountability_tasks as at', 'at.record_id', 'r.id')
    .selectAll('r')
    .where('at.task_id', '=', taskId)
    .execute();
}

describe('proposeAccountabilityFromLadder', () => {
  it('should propose exactly one record against the lead unit, with the earlier actions as evidence', async () => {
    const staff = await actorOf(t, u.aStaff);
    const created = await makeTask(t, { title: '推进综合交通枢纽建设', leadUnitId: unit.a, deadline: '2026-12-10' });
    const task = await advance(t, created.id, ['assign', ['acknowledge', staff]]);

    await sweepAll(t.db, { today: '2026-12-18', timeZone });
    expect(await recordsOf(task.id)).toEqual([]);

    await Promise.all([
      sweepAll(t.db, { today: '2027-01-08', timeZone }),
      sweepAll(t.db, { today: '2027-01-08', timeZone }),
    ]);
    await sweepAll(t.db, { today: '2027-01-11', timeZone });
    const records = await recordsOf(task.id);
    expect(records).toHaveLength(1);
    const [record] = records;
    const action = await t.db
      .selectFrom('supervision_actions')
      .select(['id'])
      .where('task_id', '=', task.id)
      .where('kind', '=', 'accountability_proposal')
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      status: 'proposed',
      type: 'ineffective',
      subject_unit_id: unit.a,
      subject_user_id: null,
      action_id: action.id,
    });
    expect(record?.number).toMatch(/^问〔2027〕\d+号$/);
    expect(record?.proposal).toContain(task.number);

    const evidence = await t.db
      .selectFrom('accountability_evidence')
      .select(['ref_type', 'ref_id'])
      .where('record_id', '=', record?.id ?? 0)
      .orderBy('id')
      .execute();
    const actions = await t.db
      .selectFrom('supervision_actions')
      .select(['id', 'kind', 'notice_id'])
      .where('task_id', '=', task.id)
      .where('kind', 'in', ['urge', 'notice', 'interview_proposal'])
      .orderBy('id')
      .execute();
    const notice = actions.find((a) => a.kind === 'notice');
    expect(evidence).toEqual(
      actions.flatMap((a) => [
        { ref_type: 'action', ref_id: a.id },
        ...(a.notice_id === null ? [] : [{ ref_type: 'notice', ref_id: a.notice_id }]),
      ]),
    );
    expect(notice?.notice_id).not.toBeNull();

    // The lead unit's staff see the proposal; reading it is audited.
    const asStaff = caller(t, await t.login('l.astaff'));
    const res = await asStaff('GET', `/accountability/${record?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ actionId: action.id, tasks: [{ id: task.id }] });
    expect(res.json().evidence.map((e: { taskId: number }) => e.taskId)).toEqual(evidence.map(() => task.id));
  });
});
