import type { Locale } from '../../shared/locales.js';
import type { PlanAction, PlanContentInput } from '../../shared/plans-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { savePlan, savePlanPart } from '../plans/plan-drafts.service.js';
import { applyPlanAction } from '../plans/plan-review.service.js';
import { getTaskPlan } from '../plans/plans.service.js';
import type { DemoCast } from './demo-actors.js';
import { type DemoOffset, expectedProgress, planDate } from './demo-calendar.js';
import type { DemoPlanSpec } from './demo-plan-specs.js';

// Takes a demo task's plan through the plan services as its people would: the lead unit's liaison
// officer drafts it, cooperating units write their parts, the unit head approves, the supervision
// office accepts or returns it — and, for one task, a revision becomes version 2.

const LOCALE: Locale = 'zh-CN';

/** A demo task as its plan needs it: dates are counted from `base` and kept within the deadline. */
export interface DemoPlanTask {
  id: number;
  lead: string;
  deadline: string | null;
  base: string;
  unitIds: ReadonlyMap<string, number>;
}

function unitOf(task: DemoPlanTask, key: string): number {
  const id = task.unitIds.get(key);
  if (id === undefined) throw new Error(`demo unit ${key} is missing`);
  return id;
}

/** The plan's content as the lead unit sends it. */
export function demoPlanContent(spec: DemoPlanSpec, task: DemoPlanTask): PlanContentInput {
  const date = (offset: DemoOffset) => planDate(task.base, offset, task.deadline);
  return {
    targets: spec.targets.map((target) => ({ ...target, dueDate: task.deadline })),
    steps: spec.steps.map((step) => ({
      id: step.id,
      text: step.text,
      ownerUnitId: unitOf(task, step.owner),
      startDate: date(step.from),
      endDate: date(step.to),
    })),
    milestones: spec.milestones.map((m) => ({
      id: m.id,
      date: date(m.at),
      deliverable: m.deliverable,
      evidenceRequired: m.evidence,
    })),
    expectedProgress: expectedProgress(task.base, task.deadline),
    progressBasis: 'reports',
  };
}

/** The first draft of a plan that is returned: only its first target, and no evidence asked for. */
function firstDraft(content: PlanContentInput): PlanContentInput {
  return {
    ...content,
    targets: content.targets.slice(0, 1),
    milestones: content.milestones.map((m) => ({ ...m, evidenceRequired: false })),
  };
}

/** Version 2: new target values and step texts, added milestones; item ids kept so the diff pairs them. */
function revised(content: PlanContentInput, spec: DemoPlanSpec, task: DemoPlanTask): PlanContentInput {
  const revision = spec.revision;
  if (!revision) return content;
  const added = demoPlanContent({ ...spec, milestones: revision.milestones }, task).milestones;
  return {
    ...content,
    targets: content.targets.map((t) => ({ ...t, targetValue: revision.targetValues[t.id ?? ''] ?? t.targetValue })),
    steps: content.steps.map((s) => ({ ...s, text: revision.stepTexts[s.id ?? ''] ?? s.text })),
    milestones: [...content.milestones, ...added],
  };
}

/** Loads one task's plan as the spec's story goes. */
export async function loadDemoPlan(db: Database, cast: DemoCast, task: DemoPlanTask, spec: DemoPlanSpec) {
  const [staff, head] = [await cast.staff(task.lead), await cast.head(task.lead)];
  const taskId = task.id;
  const version = async () => (await getTaskPlan(db, { taskId, actor: cast.supervisor })).plan?.version ?? 0;
  const save = async (content: PlanContentInput) =>
    savePlan(db, { ...content, taskId, version: await version(), actor: staff, locale: LOCALE });
  const act = async (actor: Actor, action: PlanAction, reason?: string) =>
    applyPlanAction(db, { taskId, action, reason, version: await version(), actor, locale: LOCALE });
  const review = async () => {
    await act(staff, 'submit');
    await act(head, 'approve');
  };

  const content = demoPlanContent(spec, task);
  if (spec.story === 'returned_once') {
    await save(firstDraft(content));
    await review();
    await act(cast.supervisor, 'return', spec.returnReason ?? '请补充量化指标。');
  }
  await save(content);
  for (const part of spec.parts ?? []) {
    const date = (offset: DemoOffset) => planDate(task.base, offset, task.deadline);
    await savePlanPart(db, {
      taskId,
      unitId: unitOf(task, part.unit),
      version: 0,
      text: part.text,
      steps: part.steps.map((s) => ({ id: s.id, text: s.text, startDate: date(s.from), endDate: date(s.to) })),
      actor: await cast.staff(part.unit),
      locale: LOCALE,
    });
  }
  await review();
  if (spec.story === 'pending_supervisor') return;
  await act(cast.supervisor, 'accept');
  if (spec.story !== 'revised') return;
  await save(revised(content, spec, task));
  await review();
  await act(cast.supervisor, 'accept');
}
