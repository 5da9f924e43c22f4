import type { ReviewKind } from '../../../shared/closure-api.js';

/** The kinds of item in the review queue (REVIEW_KINDS, without loading the API's schemas). */
export const REVIEW_KIND_LIST: readonly ReviewKind[] = ['plan', 'report', 'closure'];

/** The task detail tab each kind of item is reviewed on. */
export const REVIEW_TAB: Record<ReviewKind, string> = { plan: 'plan', report: 'reports', closure: 'closure' };
