import type { TaskOutcome } from '../../shared/assessment-api.js';
import { TASK_OUTCOMES } from '../../shared/assessment-api.js';
import type { Locale } from '../../shared/locales.js';
import {
  REASON_CATEGORIES,
  type ReasonCategory,
  type ReviewItem,
  type ReviewReason,
  type ReviewSummary,
} from '../../shared/review-api.js';
import type { WorksheetRow } from './review.repository.js';

// What the review answers, field by field: worksheet lines and the roll-up. Rows stay inside.

/** One worksheet line; the review part is null until the task is classified. */
export function presentReviewItem(row: WorksheetRow): ReviewItem {
  const reviewed = row.review_outcome !== null && row.review_version !== null && row.reviewed_at !== null;
  return {
    taskId: row.task_id,
    taskNumber: row.number,
    taskTitle: row.title,
    kind: row.kind,
    leadUnit:
      row.lead_unit_id !== null && row.lead_unit_name !== null
        ? { id: row.lead_unit_id, name: row.lead_unit_name }
        : null,
    computedOutcome: row.computed_outcome as TaskOutcome,
    deadline: row.deadline,
    closedAt: row.closed_at,
    review: reviewed
      ? {
          outcome: row.review_outcome as TaskOutcome,
          reasonCode: row.reason_code,
          explanation: row.explanation,
          practices: row.practices,
          exemplaryCandidate: Number(row.exemplary_candidate) === 1,
          reviewedByName: row.reviewed_by_name,
          reviewedAt: row.reviewed_at as string,
          version: row.review_version as number,
        }
      : null,
  };
}

export interface SummaryFacts {
  total: number;
  reviewed: number;
  outcomes: Array<{ outcome: string; n: number }>;
  reasons: Array<{ code: string; n: number }>;
  exemplary: number;
}

/**
 * The roll-up: every outcome (zeros included), every category, and each reason of the list that is
 * offered or in use (archived and unused ones are left out), in list order, labelled in `locale`.
 */
export function presentReviewSummary(facts: SummaryFacts, list: ReviewReason[], locale: Locale): ReviewSummary {
  const outcomes = Object.fromEntries(TASK_OUTCOMES.map((o) => [o, 0])) as Record<TaskOutcome, number>;
  for (const { outcome, n } of facts.outcomes) {
    if (outcome in outcomes) outcomes[outcome as TaskOutcome] += n;
  }
  const counts = new Map(facts.reasons.map(({ code, n }) => [code, n]));
  const categories = Object.fromEntries(REASON_CATEGORIES.map((c) => [c, 0])) as Record<ReasonCategory, number>;
  const reasons = list
    .filter((reason) => !reason.archived || counts.has(reason.code))
    .map((reason) => {
      const count = counts.get(reason.code) ?? 0;
      categories[reason.category] += count;
      return {
        code: reason.code,
        category: reason.category,
        label: reason.labels[locale],
        labels: reason.labels,
        count,
      };
    });
  return {
    total: facts.total,
    reviewed: facts.reviewed,
    outcomes,
    exemplaryCandidates: facts.exemplary,
    categories,
    reasons,
  };
}
