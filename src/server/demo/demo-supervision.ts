import { localDate } from '../../domain/dates.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { createCoordinationRequest } from '../supervision/coordination.service.js';
import { requestExtension } from '../supervision/extensions.service.js';
import { issueInstruction } from '../supervision/instructions.service.js';
import { sweepAll, sweepQueued } from '../supervision/sweep.service.js';
import { urgeTasks } from '../supervision/urge.service.js';
import type { DemoCast } from './demo-actors.js';
import { actorFor } from './demo-actors.js';
import type { DemoFollowUpTask } from './demo-follow-up.js';

// The supervision of the demo (issue 5), through the services after the plans and reports: the
// sweep lights every task (the overdue 高标准农田 task goes red and climbs the ladder: urge,
// supervision notice, interview proposal), the supervision office urges the 老旧小区 task by hand,
// the farmland unit asks for an extension (filed late), the 发展改革委 asks the 自然资源局 for land
// quotas, and the mayor writes an instruction on the key investment task.

export interface DemoSupervisionCounts {
  actions: number;
  requests: number;
}

export async function loadDemoSupervision(
  deps: { db: Database; config: Config },
  input: { tasks: readonly DemoFollowUpTask[]; cast: DemoCast; unitIds: ReadonlyMap<string, number> },
): Promise<DemoSupervisionCounts> {
  const { db, config } = deps;
  const { cast } = input;
  const timeZone = config.timeZone;
  const today = localDate(new Date(), timeZone);
  const calendar = await loadWorkingCalendar(db);
  const byKey = new Map(input.tasks.map((task) => [task.key, task]));
  const fired = await sweepAll(db, { today, timeZone });
  let actions = fired.fired;
  let requests = 0;

  const renewal = byKey.get('renewal');
  if (renewal) {
    await urgeTasks(db, {
      taskIds: [renewal.id],
      kind: 'urge',
      message: '年底前须完成30个小区改造，请本周内报送剩余小区的开工安排。',
      actor: cast.supervisor,
    });
    actions += 1;
  }
  const farmland = byKey.get('farmland');
  if (farmland) {
    await requestExtension(deps, {
      taskId: farmland.id,
      reason: '受汛期影响，部分项目区土方工程推迟开工，需延期至年底完成验收。',
      progress: 85,
      progressNote: '已完成4.3万亩，剩余0.7万亩正在施工。',
      proposedDeadline: `${today.slice(0, 4)}-12-31`,
      actor: await cast.staff(farmland.lead),
    });
    requests += 1;
  }
  const projects = byKey.get('projects');
  const landUnit = input.unitIds.get('zrzyj');
  if (projects && landUnit !== undefined) {
    await createCoordinationRequest(deps, {
      taskId: projects.id,
      toUnitId: landUnit,
      matter: '请协调解决第三批重大项目新增建设用地指标约320亩。',
      dueDate: addWorkingDays(calendar, today, 5),
      actor: await cast.staff(projects.lead),
    });
    requests += 1;
    const mayor = await actorFor(db, 'mayor');
    if (mayor) {
      await issueInstruction(deps, {
        taskIds: [projects.id],
        body: '重大项目是稳增长的关键，请发展改革委牵头逐项目倒排工期，确保全年投资目标。',
        respondBy: addWorkingDays(calendar, today, 5),
        actor: mayor,
      });
      requests += 1;
    }
  }
  await sweepQueued(db, { today, timeZone });
  return { actions, requests };
}
