import type { PlanContent } from '../../shared/plans-api.js';
import type { ReportAction } from '../../shared/reports-api.js';
import type { Actor } from '../auth/actor.js';
import type { FileStore } from '../files/file-store.js';
import { findAcceptedPlan } from '../plans/plans.service.js';
import { explanationNeeded } from '../reports/report-guards.js';
import { actOnReport } from '../reports/report-review.service.js';
import type { ReportRow } from '../reports/reports.repository.js';
import { getTaskReports, type ReportDeps, saveReportDraft, startReport } from '../reports/reports.service.js';
import { backdateDemoSubmission } from './demo.repository.js';
import type { DemoCast } from './demo-actors.js';
import { type DemoFile, uploadDemoFile } from './demo-files.js';
import type { DemoReportSpec } from './demo-report-specs.js';

// Writes a demo task's progress reports through the report services, period by period, oldest
// first and each period's cooperating parts before the lead unit's report: the slots are those the
// service opens for the (backdated) assignment; evidence is uploaded and linked; every report goes
// through submit → head's approval → the supervision office's decision as far as its spec says.

/** When the plan in force asks for evidence of a newly met milestone and the spec brought none. */
const FALLBACK_EVIDENCE: DemoFile = { name: '佐证材料.pdf', caption: 'Supporting document' };

/** When the dates of the day the demo runs on put a report past an unmet milestone. */
const FALLBACK_EXPLANATION = '本期进度按实际完成工作量测算，相关时间节点正在加快推进。';

/** A demo task as its reports need it. */
export interface DemoReportTask {
  id: number;
  lead: string;
  unitIds: ReadonlyMap<string, number>;
}

/** A unit's last accepted report on the task: what the guards compare a new one with. */
interface UnitProgress {
  percent: number | null;
  milestones: string[];
}

function needsEvidence(plan: PlanContent | null, done: readonly string[], before: readonly string[]): boolean {
  return (plan?.milestones ?? []).some((m) => m.evidenceRequired && done.includes(m.id) && !before.includes(m.id));
}

/** The spec's plan items that the plan in force has (a report may only name those). */
function planItems(spec: DemoReportSpec, plan: PlanContent | null) {
  const targets = new Set(plan?.targets.map((t) => t.id));
  const milestones = new Set(plan?.milestones.map((m) => m.id));
  return {
    targetValues: Object.fromEntries(Object.entries(spec.targets ?? {}).filter(([id]) => targets.has(id))),
    milestonesDone: (spec.milestones ?? []).filter((id) => milestones.has(id)),
  };
}

/** Loads a task's reports; answers how many reports and files it created. */
export async function loadDemoReports(
  deps: ReportDeps & { store: FileStore },
  cast: DemoCast,
  task: DemoReportTask,
  specs: readonly DemoReportSpec[],
): Promise<{ reports: number; files: number }> {
  const view = await getTaskReports(deps, { taskId: task.id, actor: cast.supervisor });
  const periods = [...view.periods].sort((a, b) => a.end.localeCompare(b.end)).slice(-3);
  const plan = (await findAcceptedPlan(deps.db, task.id))?.content ?? null;
  const progress = new Map<number, UnitProgress>();
  const ordered = [...specs].sort((a, b) => a.period - b.period || Number(!a.unit) - Number(!b.unit));
  const counts = { reports: 0, files: 0 };
  for (const spec of ordered) {
    const period = periods[spec.period];
    const unitKey = spec.unit ?? task.lead;
    const unitId = task.unitIds.get(unitKey);
    const slot = period?.slots.find((s) => s.period.unit_id === unitId);
    if (!period || !slot || unitId === undefined) continue;
    const previous: UnitProgress = progress.get(unitId) ?? { percent: null, milestones: [] };
    const items = planItems(spec, plan);
    const files = [...(spec.files ?? [])];
    if (files.length === 0 && needsEvidence(plan, items.milestonesDone, previous.milestones))
      files.push(FALLBACK_EVIDENCE);
    const why = explanationNeeded({
      percent: spec.percent,
      previousPercent: previous.percent,
      milestonesDone: items.milestonesDone,
      previouslyDone: previous.milestones,
      periodEnd: period.end,
      plan,
    });
    const writer = spec.byHead ? await cast.head(unitKey) : await cast.staff(unitKey);
    const fileIds: number[] = [];
    for (const file of files) fileIds.push(await uploadDemoFile(deps, { taskId: task.id, actor: writer, file }));
    const report = await writeReport(deps, cast, {
      spec,
      unitKey,
      writer,
      periodId: slot.period.id,
      taskId: task.id,
      fields: {
        doneText: spec.done,
        problems: spec.problems,
        nextSteps: spec.next,
        coordination: spec.coordination ?? '',
        percent: spec.percent,
        ...items,
        explanation: why ? FALLBACK_EXPLANATION : null,
        fileIds,
      },
    });
    await backdateDemoSubmission(
      deps.db,
      report.id,
      submittedOn(period.dueDate, spec.lateWorkingDays ?? 0),
      spec.lateWorkingDays ?? 0,
    );
    counts.reports++;
    counts.files += fileIds.length;
    if (report.status === 'accepted') progress.set(unitId, { percent: spec.percent, milestones: items.milestonesDone });
  }
  return counts;
}

type DraftFields = Omit<Parameters<typeof saveReportDraft>[1], 'reportId' | 'version' | 'actor'>;

/** Starts, fills in and reviews one report as far as its spec says; answers it as it ends. */
async function writeReport(
  deps: ReportDeps,
  cast: DemoCast,
  input: {
    spec: DemoReportSpec;
    unitKey: string;
    writer: Actor;
    periodId: number;
    taskId: number;
    fields: DraftFields;
  },
): Promise<ReportRow> {
  const { spec, writer } = input;
  const head = await cast.head(input.unitKey);
  let report = (await startReport(deps, { taskId: input.taskId, periodId: input.periodId, actor: writer })).report;
  const save = async (fields: DraftFields) => {
    report = await saveReportDraft(deps, { ...fields, reportId: report.id, version: report.version, actor: writer });
  };
  const act = async (actor: Actor, action: ReportAction, reason?: string) => {
    report = await actOnReport(deps, { reportId: report.id, action, reason, version: report.version, actor });
  };
  const submit = async () => {
    await act(writer, 'submit');
    if (!spec.byHead && spec.ends !== 'pending_head') await act(head, 'approve');
  };

  if (spec.returned) {
    const { done, problems, next, reason } = spec.returned;
    await save({ ...input.fields, doneText: done, problems, nextSteps: next, fileIds: [] });
    await submit();
    await act(cast.supervisor, 'return', reason);
  }
  await save(input.fields);
  await submit();
  if (report.status === 'pending_supervisor' && spec.ends === 'accepted') await act(cast.supervisor, 'accept');
  return report;
}

/**
 * A submission instant for a report due on `dueDate`: the working morning before it when on time,
 * roughly `late` working days after it otherwise (calendar days: it is only a demo date; the
 * lateness figure itself is set exactly).
 */
function submittedOn(dueDate: string, late: number): string {
  const day = new Date(`${dueDate}T09:30:00+08:00`);
  day.setUTCDate(day.getUTCDate() + (late > 0 ? late + 1 : -1));
  return day.toISOString();
}
