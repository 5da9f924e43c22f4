import { TASK_OUTCOMES, type TaskOutcome } from '../../../shared/assessment-api.js';
import { needsReason, type ReviewItem, type SaveReviewBody } from '../../../shared/review-api.js';

// The worksheet's unsaved edits and the small rules the keyboard relies on, kept free of React so
// they are easy to test.

/** What the person has typed for one row and not saved yet. */
export interface ReviewDraft {
  outcome: TaskOutcome;
  reasonCode: string | null;
  explanation: string;
  practices: string;
  exemplaryCandidate: boolean;
}

/** The row's effective outcome: as reviewed, else as computed. */
export function outcomeOf(item: ReviewItem): TaskOutcome {
  return item.review?.outcome ?? item.computedOutcome;
}

/** The editor's starting values: the saved review, else the computed outcome and empty fields. */
export function draftOf(item: ReviewItem): ReviewDraft {
  return {
    outcome: outcomeOf(item),
    reasonCode: item.review?.reasonCode ?? null,
    explanation: item.review?.explanation ?? '',
    practices: item.review?.practices ?? '',
    exemplaryCandidate: item.review?.exemplaryCandidate ?? false,
  };
}

/** The request body for a draft: only the fields its outcome uses, with the row's version. */
export function bodyOf(draft: ReviewDraft, item: ReviewItem): SaveReviewBody {
  const version = item.review?.version ?? 0;
  if (needsReason(draft.outcome)) {
    return { outcome: draft.outcome, reasonCode: draft.reasonCode, explanation: draft.explanation, version };
  }
  return {
    outcome: draft.outcome,
    practices: draft.practices.trim() ? draft.practices : null,
    exemplaryCandidate: draft.exemplaryCandidate,
    version,
  };
}

/** Keys 1–3 pick the outcomes in their usual order (on time, late, not done). */
export function outcomeForKey(key: string): TaskOutcome | undefined {
  const index = Number(key) - 1;
  return Number.isInteger(index) ? TASK_OUTCOMES[index] : undefined;
}

/**
 * The index to go to after saving row `from`: the next unreviewed row after it, wrapping round;
 * the next row when every row is reviewed; `from` itself when it is the only one.
 */
export function nextUnreviewedIndex(items: readonly ReviewItem[], from: number): number {
  for (let step = 1; step < items.length; step++) {
    const index = (from + step) % items.length;
    if (!items[index]?.review) return index;
  }
  return Math.min(from + 1, items.length - 1);
}
