import {
  bigramProfile,
  comparableLengths,
  diceOfProfiles,
  normalizeForSimilarity,
} from '../../domain/text-similarity.js';
import type { PlanContent } from '../../shared/plans-api.js';
import { DUPLICATE_SIMILARITY } from '../../shared/reports-api.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import {
  type ComparedTextRow,
  findEarlierReport,
  listSamePeriodTexts,
  listSameUnitTexts,
  type ReportRow,
} from './reports.repository.js';

// The formalism guards (圖形式走過場): checks a report must pass to be submitted, and the duplicate
// (重复/雷同) finding recorded for the reviewer. Blocking checks answer 422 with the field to fix.

/** At most this many of the unit's reports on other tasks are compared per submission. */
const SAME_UNIT_CANDIDATES = 50;

/** The statuses of a report that has been submitted at least once. */
export const SUBMITTED_STATUSES = ['pending_head', 'pending_supervisor', 'accepted', 'returned'] as const;

/** What similarity is measured on: 进展情况, 存在问题, 下步措施 (coordination requests are often alike by nature). */
export function reportText(report: Pick<ReportRow, 'done_text' | 'problems' | 'next_steps'>): string {
  return [report.done_text, report.problems, report.next_steps].join('\n\n');
}

/** A submission needs what was done and the percent complete. */
export function checkComplete(report: Pick<ReportRow, 'done_text' | 'percent'>): void {
  if (!report.done_text.trim()) throw new AppError('report_incomplete', {}, 'doneText');
  if (report.percent === null) throw new AppError('report_incomplete', {}, 'percent');
}

/** Target values and milestones must name items of the plan in force (none without an accepted plan). */
export function checkPlanItems(
  input: { targetValues?: Record<string, number> | undefined; milestonesDone?: readonly string[] | undefined },
  plan: PlanContent | null,
): void {
  const targets = new Set(plan?.targets.map((t) => t.id) ?? []);
  const milestones = new Set(plan?.milestones.map((m) => m.id) ?? []);
  for (const id of Object.keys(input.targetValues ?? {})) {
    if (!targets.has(id)) throw new AppError('unknown_plan_item', { id }, 'targetValues');
  }
  for (const id of input.milestonesDone ?? []) {
    if (!milestones.has(id)) throw new AppError('unknown_plan_item', { id }, 'milestonesDone');
  }
}

/**
 * A milestone newly marked done (not done in the unit's last accepted report) whose plan entry
 * requires evidence needs at least one file linked to the report.
 */
export function checkMilestoneEvidence(input: {
  milestonesDone: readonly string[];
  previouslyDone: readonly string[];
  plan: PlanContent | null;
  fileCount: number;
}): void {
  if (input.fileCount > 0 || !input.plan) return;
  const before = new Set(input.previouslyDone);
  for (const milestone of input.plan.milestones) {
    if (milestone.evidenceRequired && input.milestonesDone.includes(milestone.id) && !before.has(milestone.id)) {
      throw new AppError('milestone_evidence_required', { milestone: milestone.deliverable }, 'fileIds');
    }
  }
}

/** The quarter of a date, `2026-Q3`, as plans key their expected progress (形象进度). */
function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Why the report needs an explanation, if it does: its percent is below the unit's last accepted
 * one, or it is past the progress the plan expected at a milestone that is due by the end of the
 * period and not met (the percent "jumps past" it). Null when no explanation is needed.
 */
export function explanationNeeded(input: {
  percent: number;
  previousPercent: number | null;
  milestonesDone: readonly string[];
  previouslyDone: readonly string[];
  periodEnd: string;
  plan: PlanContent | null;
}): 'percent_dropped' | 'past_unmet_milestone' | null {
  if (input.previousPercent !== null && input.percent < input.previousPercent) return 'percent_dropped';
  if (!input.plan) return null;
  const met = new Set([...input.milestonesDone, ...input.previouslyDone]);
  const expected = new Map(input.plan.expectedProgress.map((e) => [e.quarter, e.percent]));
  for (const milestone of input.plan.milestones) {
    if (milestone.date > input.periodEnd || met.has(milestone.id)) continue;
    const expectedThen = expected.get(quarterOf(milestone.date));
    if (expectedThen !== undefined && input.percent > expectedThen) return 'past_unmet_milestone';
  }
  return null;
}

/** The closest other report found (nulls when there was nothing to compare with), and the text's normalised length. */
export interface SimilarityFinding {
  similarity: number | null;
  reportId: number | null;
  normLength: number;
}

/**
 * Compares a report about to be submitted with the same unit's previous submitted report on the
 * task, the other units' reports on the task for the same period, and the same unit's reports on
 * other tasks for the same period (of a length that could reach the threshold, at most fifty).
 * Answers the highest similarity; ≥ DUPLICATE_SIMILARITY is the 重复/雷同 flag.
 */
export async function findMostSimilar(trx: Executor, report: ReportRow): Promise<SimilarityFinding> {
  const profile = bigramProfile(normalizeForSimilarity(reportText(report)));
  const lengths = comparableLengths(profile.length, DUPLICATE_SIMILARITY);
  const [previous, samePeriod, sameUnit] = await Promise.all([
    findEarlierReport(trx, {
      taskId: report.task_id,
      unitId: report.unit_id,
      beforePeriodEnd: report.period_end,
      statuses: SUBMITTED_STATUSES,
    }),
    listSamePeriodTexts(trx, { reportId: report.id, taskId: report.task_id, periodEnd: report.period_end }),
    listSameUnitTexts(trx, {
      reportId: report.id,
      taskId: report.task_id,
      unitId: report.unit_id,
      periodEnd: report.period_end,
      minLength: lengths.min,
      maxLength: lengths.max,
      limit: SAME_UNIT_CANDIDATES,
    }),
  ]);
  const candidates: ComparedTextRow[] = [...(previous ? [previous] : []), ...samePeriod, ...sameUnit];
  let best: { similarity: number; reportId: number } | null = null;
  for (const candidate of candidates) {
    const similarity = diceOfProfiles(profile, bigramProfile(normalizeForSimilarity(reportText(candidate))));
    if (!best || similarity > best.similarity) best = { similarity, reportId: candidate.id };
  }
  return {
    similarity: best ? Math.round(best.similarity * 10000) / 10000 : null,
    reportId: best?.reportId ?? null,
    normLength: profile.length,
  };
}
