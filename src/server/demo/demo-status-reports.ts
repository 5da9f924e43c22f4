import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { createSchedule } from '../status-reports/status-report-schedules.service.js';
import { findUserRowByUsername } from '../users/users.repository.js';
import { actorFor } from './demo-actors.js';

// The demo's scheduled implementation report (issue 8 item 3): a weekly report on the source with
// the most tasks, in the mayor's scope, to the mayor and the secretary-general on Monday mornings.
// Runs once: skipped when any schedule exists.

export async function loadDemoStatusReports(deps: { db: Database; config: Config }): Promise<number> {
  const { db } = deps;
  const supervisor = await actorFor(db, 'duchashi.chen');
  const existing = await db.selectFrom('status_report_schedules').select('id').limit(1).executeTakeFirst();
  if (!supervisor || existing) return 0;
  const source = await db
    .selectFrom('tasks')
    .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('source_id', 'is not', null)
    .groupBy('source_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  const mayor = await findUserRowByUsername(db, 'mayor');
  const secretary = await findUserRowByUsername(db, 'secretary.general');
  if (!source?.source_id || !mayor || !secretary) return 0;
  await createSchedule(
    { db, config: deps.config },
    {
      name: '政府工作报告落实情况周报',
      sourceId: source.source_id,
      periodId: null,
      frequency: 'weekly',
      weekday: 1,
      dayOfMonth: 1,
      hour: 9,
      formats: ['docx', 'pdf', 'xlsx'],
      recipientIds: [mayor.id, secretary.id],
      ownerId: mayor.id,
      enabled: true,
      actor: supervisor,
    },
  );
  return 1;
}
