import { type Actor, systemActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { createSource } from '../sources/sources.service.js';
import { setTaskProgress } from '../tasks/task-progress.service.js';
import { transitionTask } from '../tasks/task-transitions.service.js';
import { findTaskRow } from '../tasks/tasks.repository.js';
import { decomposeTask, registerTask } from '../tasks/tasks.service.js';
import { actorFor, userId } from './demo-actors.js';
import { type DemoFollowUpCounts, type DemoFollowUpTask, loadDemoFollowUp } from './demo-follow-up.js';

const DEMO_DOC_NUMBER = '江政发〔2026〕3号';

type Stage = 'draft' | 'assigned' | 'acknowledged' | 'closure_requested' | 'closed';

interface DemoTask {
  /** Names the task in the follow-up specs (plans, reports, closure). */
  key: string;
  title: string;
  lead: string;
  cooperating?: Array<[unit: string, part: string]>;
  leader?: string;
  isKey?: boolean;
  deadline: string;
  stage: Stage;
  subtasks?: Array<{ title: string; lead?: string; progress?: number }>;
}

/**
 * The demo's tasks: items of a city government work report, at every stage of their life. The
 * subtasks are given their progress; the other tasks take theirs from accepted reports, and
 * closure is requested and granted through closure applications (demo-follow-up.ts).
 */
const DEMO_TASKS: DemoTask[] = [
  {
    key: 'projects',
    title: '加快推进重大项目建设，全年固定资产投资增长8%',
    lead: 'fgw',
    cooperating: [
      ['czj', '统筹安排项目建设资金'],
      ['zrzyj', '保障重大项目用地指标'],
    ],
    leader: 'vice.mayor.wang',
    isKey: true,
    deadline: '2026-12-31',
    stage: 'acknowledged',
    subtasks: [
      { title: '建立重大项目月度调度机制', progress: 80 },
      { title: '保障重大项目用地指标', lead: 'zrzyj', progress: 60 },
      { title: '落实重大项目建设资金', lead: 'czj', progress: 45 },
    ],
  },
  {
    key: 'renewal',
    title: '实施城市更新行动，完成老旧小区改造30个',
    lead: 'zjj',
    cooperating: [['czj', '落实改造补助资金']],
    isKey: true,
    deadline: '2026-12-20',
    stage: 'acknowledged',
  },
  {
    key: 'schools',
    title: '推进义务教育优质均衡发展，新建改扩建学校6所',
    lead: 'jyj',
    deadline: '2026-12-31',
    stage: 'acknowledged',
  },
  {
    key: 'bluesky',
    title: '打好蓝天保卫战，细颗粒物（PM2.5）平均浓度下降5%',
    lead: 'sthjj',
    cooperating: [
      ['jtj', '推进柴油货车污染治理'],
      ['gxj', '推动重点行业超低排放改造'],
    ],
    isKey: true,
    deadline: '2026-12-31',
    stage: 'assigned',
  },
  { key: 'platform', title: '建设全市一体化政务大数据平台', lead: 'sjj', deadline: '2026-12-31', stage: 'draft' },
  {
    key: 'business',
    title: '优化营商环境，企业开办时间压缩至1个工作日',
    lead: 'scjgj',
    deadline: '2026-10-31',
    stage: 'closure_requested',
  },
  { key: 'relief', title: '完善分层分类社会救助体系', lead: 'mzj', deadline: '2026-09-30', stage: 'closed' },
  {
    key: 'farmland',
    title: '推进高标准农田建设5万亩',
    lead: 'nyncj',
    isKey: true,
    deadline: '2026-09-30',
    stage: 'acknowledged',
  },
];

/** The demo's tasks created now (with their plans, reports and closures), or already there. */
export type DemoTasksResult = { created: number; existing: boolean } & DemoFollowUpCounts;

/**
 * Loads the demo's work-report tasks through the real services (so history and audit are real),
 * then their follow-up (plans, reports, evidence, closures), unless the work report is already
 * there: all of it is loaded once. `unitIds` maps the demo unit keys to ids.
 */
export async function loadDemoTasks(
  db: Database,
  config: Config,
  unitIds: ReadonlyMap<string, number>,
): Promise<DemoTasksResult> {
  const existing = await db
    .selectFrom('sources')
    .select('id')
    .where('doc_number', '=', DEMO_DOC_NUMBER)
    .executeTakeFirst();
  if (existing) {
    const supervision = { actions: 0, requests: 0 };
    return { created: 0, existing: true, plans: 0, reports: 0, files: 0, closures: 0, supervision };
  }
  const deps = { db, config };
  const actor = (await actorFor(db, 'duchashi.li')) ?? systemActor('demo');
  const unit = (key: string) => {
    const id = unitIds.get(key);
    if (id === undefined) throw new Error(`demo unit ${key} is missing`);
    return id;
  };
  const source = await createSource(db, {
    kind: 'work_report',
    title: '2026年江川市政府工作报告重点任务分解',
    docNumber: DEMO_DOC_NUMBER,
    issuer: '江川市人民政府',
    issuedOn: '2026-02-20',
    actor,
  });
  let created = 0;
  const started: DemoFollowUpTask[] = [];
  for (const item of DEMO_TASKS) {
    const task = await registerTask(deps, {
      title: item.title,
      sourceId: source.id,
      leadUnitId: unit(item.lead),
      cooperatingUnits: (item.cooperating ?? []).map(([key, part]) => ({ unitId: unit(key), part })),
      responsibleLeaderId: await userId(db, item.leader),
      responsiblePersonId: await userId(db, `${item.lead}.head`),
      isKey: item.isKey ?? false,
      deadline: item.deadline,
      startDate: '2026-03-01',
      actor,
    });
    created++;
    if (item.subtasks) {
      const subs = await decomposeTask(deps, {
        taskId: task.id,
        version: task.version,
        subtasks: item.subtasks.map((s) => ({
          title: s.title,
          ...(s.lead ? { leadUnitId: unit(s.lead), cooperatingUnits: [] } : {}),
        })),
        actor,
      });
      created += subs.length;
    }
    await advance(deps, task.id, item, actor);
    if (item.stage !== 'draft') started.push({ key: item.key, id: task.id, lead: item.lead, deadline: item.deadline });
  }
  const followUp = await loadDemoFollowUp(deps, { tasks: started, unitIds, supervisor: actor });
  return { created, existing: false, ...followUp };
}

async function version(db: Database, taskId: number): Promise<number> {
  return (await findTaskRow(db, taskId))?.version ?? 1;
}

/**
 * Moves a demo task (and its subtasks) along to its stage, acting as the people who would, up to
 * the work itself: the follow-up applies for closure where the stage says so.
 */
async function advance(deps: { db: Database; config: Config }, taskId: number, item: DemoTask, supervisor: Actor) {
  const { db } = deps;
  if (item.stage === 'draft') return;
  const tasks = [
    taskId,
    ...(await db.selectFrom('tasks').select('id').where('parent_id', '=', taskId).execute()).map((r) => r.id),
  ];
  for (const id of tasks) {
    await transitionTask(deps, { taskId: id, action: 'assign', version: await version(db, id), actor: supervisor });
  }
  if (item.stage === 'assigned') return;
  for (const id of tasks) {
    const lead = await leadActor(db, id);
    if (lead)
      await transitionTask(deps, { taskId: id, action: 'acknowledge', version: await version(db, id), actor: lead });
  }
  for (const [index, sub] of (item.subtasks ?? []).entries()) {
    const id = tasks[index + 1];
    if (id !== undefined && sub.progress !== undefined) {
      await setTaskProgress(deps, {
        taskId: id,
        version: await version(db, id),
        progress: sub.progress,
        actor: supervisor,
      });
    }
  }
}

/** A staff member or head of the task's lead unit, acting for it. */
async function leadActor(db: Database, taskId: number): Promise<Actor | undefined> {
  const row = await findTaskRow(db, taskId);
  if (!row?.lead_unit_id) return undefined;
  const member = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.username')
    .where('users.unit_id', '=', row.lead_unit_id)
    .where('user_roles.role', 'in', ['unit_head', 'unit_staff'])
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.id')
    .executeTakeFirst();
  return member ? actorFor(db, member.username) : undefined;
}
