import { randomBytes } from 'node:crypto';
import type { Locale } from '../../shared/locales.js';
import type { PlanContent, PlanContentInput, PlanPartContent, PlanPartContentInput } from '../../shared/plans-api.js';
import { AppError } from '../errors.js';
import { type PlanIssueKey, planIssueText } from './plan-terms.js';

// A plan's content beyond its shape (zod checks that): item ids given where missing and kept where
// sent, dates within the task's deadline, owner units on the task, expected progress that never
// goes down. Problems are answered all at once, each with its field path (`milestones.2.date`).

/** The task facts content is checked against. */
export interface PlanContext {
  deadline: string | null;
  /** The lead and cooperating units of the task. */
  unitIds: readonly number[];
}

interface Issue {
  field: string;
  key: PlanIssueKey;
  params?: Record<string, string | number>;
}

/** A fresh short id not yet used in the list: `m-3fa9c2d1`. */
function freshId(prefix: string, taken: Set<string>): string {
  for (;;) {
    const id = `${prefix}-${randomBytes(4).toString('hex')}`;
    if (!taken.has(id)) return id;
  }
}

/** Gives every item without an id a new one; sent ids are kept (and must not repeat). */
function withIds<T extends { id?: string | undefined }>(
  items: readonly T[],
  prefix: string,
  list: string,
  issues: Issue[],
): Array<T & { id: string }> {
  const taken = new Set<string>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (taken.has(item.id)) issues.push({ field: `${list}.${index}.id`, key: 'duplicateId' });
    taken.add(item.id);
  });
  return items.map((item) => {
    if (item.id !== undefined) return item as T & { id: string };
    const id = freshId(prefix, taken);
    taken.add(id);
    return { ...item, id };
  });
}

function checkDate(field: string, date: string | null | undefined, context: PlanContext, issues: Issue[]): void {
  if (date && context.deadline && date > context.deadline)
    issues.push({ field, key: 'afterDeadline', params: { deadline: context.deadline } });
}

type StepLike = { startDate?: string | null | undefined; endDate?: string | null | undefined };

function checkSteps(list: string, steps: readonly StepLike[], context: PlanContext, issues: Issue[]): void {
  steps.forEach((step, index) => {
    checkDate(`${list}.${index}.startDate`, step.startDate, context, issues);
    checkDate(`${list}.${index}.endDate`, step.endDate, context, issues);
    if (step.startDate && step.endDate && step.endDate < step.startDate)
      issues.push({ field: `${list}.${index}.endDate`, key: 'endBeforeStart' });
  });
}

function checkExpectedProgress(entries: PlanContentInput['expectedProgress'], issues: Issue[]): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.quarter)) issues.push({ field: `expectedProgress.${index}.quarter`, key: 'duplicateQuarter' });
    seen.add(entry.quarter);
  });
  const inOrder = entries
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => a.quarter.localeCompare(b.quarter));
  for (let i = 1; i < inOrder.length; i++) {
    const previous = inOrder[i - 1];
    const current = inOrder[i];
    if (previous && current && current.percent < previous.percent)
      issues.push({
        field: `expectedProgress.${current.index}.percent`,
        key: 'progressDecreasing',
        params: { previous: previous.percent },
      });
  }
}

/** Throws 422 plan_content_invalid naming every problem, in the caller's language. */
function throwIfIssues(issues: readonly Issue[], locale: Locale): void {
  if (issues.length === 0) return;
  const errors = issues.map((issue) => ({
    field: issue.field,
    code: issue.key,
    detail: planIssueText(locale, issue.key, issue.params ?? {}),
  }));
  const summary = errors.map((e) => `${e.field} ${e.detail}`).join(locale === 'en' ? '; ' : '；');
  throw new AppError('plan_content_invalid', { summary }, errors[0]?.field, { errors });
}

/** The lead unit's content as it will be stored, or 422 with every problem found. */
export function preparePlanContent(input: PlanContentInput, context: PlanContext, locale: Locale): PlanContent {
  const issues: Issue[] = [];
  const targets = withIds(input.targets, 't', 'targets', issues);
  const steps = withIds(input.steps, 's', 'steps', issues);
  const milestones = withIds(input.milestones, 'm', 'milestones', issues);
  targets.forEach((target, index) => {
    checkDate(`targets.${index}.dueDate`, target.dueDate, context, issues);
  });
  checkSteps('steps', steps, context, issues);
  steps.forEach((step, index) => {
    if (!context.unitIds.includes(step.ownerUnitId))
      issues.push({ field: `steps.${index}.ownerUnitId`, key: 'unitNotOnTask' });
  });
  milestones.forEach((milestone, index) => {
    checkDate(`milestones.${index}.date`, milestone.date, context, issues);
  });
  checkExpectedProgress(input.expectedProgress, issues);
  const progressBasis = input.progressBasis ?? 'reports';
  if (progressBasis === 'milestones' && milestones.length === 0)
    issues.push({ field: 'progressBasis', key: 'milestonesRequired' });
  throwIfIssues(issues, locale);
  return {
    targets: targets.map((t) => ({
      id: t.id,
      name: t.name.trim(),
      measureUnit: t.measureUnit.trim(),
      baseline: t.baseline,
      targetValue: t.targetValue,
      dueDate: t.dueDate ?? null,
    })),
    steps: steps.map((s) => ({
      id: s.id,
      text: s.text.trim(),
      ownerUnitId: s.ownerUnitId,
      startDate: s.startDate ?? null,
      endDate: s.endDate ?? null,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      date: m.date,
      deliverable: m.deliverable.trim(),
      evidenceRequired: m.evidenceRequired,
    })),
    expectedProgress: [...input.expectedProgress].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    progressBasis,
  };
}

/** A cooperating unit's part as it will be stored, or 422 with every problem found. */
export function preparePartContent(input: PlanPartContentInput, context: PlanContext, locale: Locale): PlanPartContent {
  const issues: Issue[] = [];
  const steps = withIds(input.steps, 'p', 'steps', issues);
  checkSteps('steps', steps, context, issues);
  throwIfIssues(issues, locale);
  return {
    text: input.text.trim(),
    steps: steps.map((s) => ({
      id: s.id,
      text: s.text.trim(),
      startDate: s.startDate ?? null,
      endDate: s.endDate ?? null,
    })),
  };
}
