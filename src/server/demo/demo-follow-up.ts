import { localDate } from '../../domain/dates.js';
import type { ClosureAction } from '../../shared/closure-api.js';
import type { Actor } from '../auth/actor.js';
import { getTaskClosure, saveClosureApplication } from '../closure/closure.service.js';
import { actOnClosure } from '../closure/closure-actions.service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { type FileStore, fileStoreFor } from '../files/file-store.js';
import { backdateDemoAssignments } from './demo.repository.js';
import { type DemoCast, demoCast } from './demo-actors.js';
import { demoAssignmentDate } from './demo-calendar.js';
import { uploadDemoFile } from './demo-files.js';
import { DEMO_PLANS } from './demo-plan-specs.js';
import { loadDemoPlan } from './demo-plans.js';
import { DEMO_CLOSURES, DEMO_REPORTS, type DemoClosureSpec } from './demo-report-specs.js';
import { loadDemoReports } from './demo-reports.js';
import { type DemoSupervisionCounts, loadDemoSupervision } from './demo-supervision.js';

// The follow-up of the demo's work report (issue 4): plans, three months of progress reports with
// their evidence, and closure applications, loaded through the services right after the tasks, so
// the timelines, the review queue, the audit trail and the inboxes fill as they would in use.

/** A demo task that has left the draft stage, keyed like the specs. */
export interface DemoFollowUpTask {
  key: string;
  id: number;
  lead: string;
  deadline: string | null;
}

/** What the follow-up created. */
export interface DemoFollowUpCounts {
  plans: number;
  reports: number;
  files: number;
  closures: number;
  /** Ladder and supervisor actions, and extension, coordination and instruction requests. */
  supervision: DemoSupervisionCounts;
}

/** Applies for a task's closure as its lead unit and takes the application as far as the spec says; answers the files uploaded. */
async function loadDemoClosure(
  deps: { db: Database; config: Config; store: FileStore },
  cast: DemoCast,
  task: DemoFollowUpTask,
  spec: DemoClosureSpec,
): Promise<number> {
  const { db } = deps;
  const [staff, head] = [await cast.staff(task.lead), await cast.head(task.lead)];
  const fileIds: number[] = [];
  for (const file of spec.files) fileIds.push(await uploadDemoFile(deps, { taskId: task.id, actor: staff, file }));
  await saveClosureApplication(db, {
    taskId: task.id,
    version: 0,
    summary: spec.summary,
    targetResults: Object.entries(spec.results).map(([targetId, [achieved, comment]]) => ({
      targetId,
      achieved,
      comment,
    })),
    fileIds,
    actor: staff,
  });
  const act = async (actor: Actor, action: ClosureAction) => {
    const current = await getTaskClosure(db, { taskId: task.id, actor: cast.supervisor });
    await actOnClosure(deps, { taskId: task.id, action, version: current.application?.version ?? 0, actor });
  };
  if (spec.ends === 'accepted') {
    await act(head, 'submit');
    await act(cast.supervisor, 'accept');
  } else {
    await act(staff, 'submit');
    await act(head, 'approve');
  }
  return fileIds.length;
}

/**
 * Loads plans, reports and closures for the demo tasks that have specs. The reporting tasks count
 * as assigned three months back (demo.repository.ts says why and how), so their last three monthly
 * periods have slots; the plan still waiting for review is dated from today.
 */
export async function loadDemoFollowUp(
  deps: { db: Database; config: Config },
  input: { tasks: readonly DemoFollowUpTask[]; unitIds: ReadonlyMap<string, number>; supervisor: Actor },
): Promise<DemoFollowUpCounts> {
  const { db, config } = deps;
  const today = localDate(new Date(), config.timeZone);
  const assignedOn = demoAssignmentDate(today);
  const reporting = input.tasks.filter((task) => DEMO_REPORTS[task.key]);
  await backdateDemoAssignments(
    db,
    reporting.map((task) => task.id),
    `${assignedOn}T04:00:00.000Z`,
  );
  const withStore = { db, config, store: fileStoreFor(config) };
  const cast = demoCast(db, input.supervisor);
  const counts = { plans: 0, reports: 0, files: 0, closures: 0 };
  for (const task of input.tasks) {
    const plan = DEMO_PLANS[task.key];
    if (!plan) continue;
    const reports = DEMO_REPORTS[task.key];
    const base = reports ? assignedOn : today;
    await loadDemoPlan(db, cast, { ...task, base, unitIds: input.unitIds }, plan);
    counts.plans++;
    if (reports) {
      const loaded = await loadDemoReports(withStore, cast, { ...task, unitIds: input.unitIds }, reports);
      counts.reports += loaded.reports;
      counts.files += loaded.files;
    }
    const closure = DEMO_CLOSURES[task.key];
    if (closure) {
      counts.files += await loadDemoClosure(withStore, cast, task, closure);
      counts.closures++;
    }
  }
  const supervision = await loadDemoSupervision(deps, { tasks: input.tasks, cast, unitIds: input.unitIds });
  return { ...counts, supervision };
}
