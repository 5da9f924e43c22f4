import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { findTaskRow, lockTaskRows, rollUpFrom, type TaskRow, updateTaskRow } from '../tasks/tasks.repository.js';
import { findAcceptedPlanContent } from './report-plan.js';
import type { ReportSettings } from './report-settings.service.js';
import { recomputeTaskReportState } from './report-state.service.js';
import type { ReportRow } from './reports.repository.js';

// Progress from reports (形象进度 roll-up): a leaf task's progress is that of its last accepted lead
// report — or, when its plan says `progressBasis: milestones`, the share of the plan's milestones
// done — and parents roll up as in the tasks module, in the same transaction as the acceptance.

/** A task's progress moves only while it is worked on: not once closure is asked for, nor when suspended or settled. */
const PROGRESS_STATUSES: readonly string[] = ['assigned', 'in_progress', 'returned'];

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The progress an accepted lead report gives its task (0–100, two decimals). */
export async function progressFromReport(trx: Executor, report: ReportRow): Promise<number> {
  const plan = await findAcceptedPlanContent(trx, report.task_id);
  let progress = report.percent ?? 0;
  if (plan?.progressBasis === 'milestones' && plan.milestones.length > 0) {
    const done = new Set(parseIds(report.milestones_done));
    progress = (plan.milestones.filter((m) => done.has(m.id)).length / plan.milestones.length) * 100;
  }
  return Math.round(Math.min(100, Math.max(0, progress)) * 100) / 100;
}

/**
 * What accepting a lead report does to its task: a leaf being worked on takes the report's
 * progress (its row is locked first, then written with its current version, and the ancestors
 * recomputed by rollUpFrom); the change goes on the task's history; the stalled mark is recomputed.
 */
export async function applyAcceptedReport(
  trx: Executor,
  input: { report: ReportRow; task: TaskRow; today: string; settings: ReportSettings; actor: Actor },
): Promise<void> {
  const { report } = input;
  await lockTaskRows(trx, [report.task_id]);
  const task = (await findTaskRow(trx, report.task_id)) ?? input.task;
  if (task.child_count === 0 && PROGRESS_STATUSES.includes(task.status)) {
    const progress = await progressFromReport(trx, report);
    if (progress !== task.progress) {
      const now = nowIso();
      const updated = await updateTaskRow(trx, task.id, task.version, { progress, updated_at: now });
      if (updated) {
        await rollUpFrom(trx, task.parent_id, now);
        await recordTaskChange(trx, input.actor, {
          taskId: task.id,
          action: 'progress',
          at: now,
          detail: { progress: [task.progress, progress], reportId: report.id },
        });
      }
    }
  }
  await recomputeTaskReportState(trx, {
    taskId: task.id,
    today: input.today,
    stalledCycles: input.settings.stalledCycles,
  });
}
