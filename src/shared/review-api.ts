import { z } from 'zod';
import { TASK_OUTCOMES } from './assessment-api.js';
import { LOCALES } from './locales.js';

// The item-by-item review API (逐项分析, issue 7 item 3): every task of a computed assessment period
// is classified — a done task may carry practices worth spreading (an exemplary-case candidate), a
// late or undone one needs a reason from a configurable list (客观原因 / 主观原因) and an
// explanation — and the reasons roll up into a chart of why things fail. Shared by the server
// (validation, OpenAPI) and the web (types, the reasons editor).

export const REVIEW_LIMITS = {
  explanationMax: 4000,
  practicesMax: 8000,
  reasonsMax: 60,
  labelMax: 40,
} as const;

/** 客观原因 (circumstances) or 主观原因 (the unit's own doing). */
export const REASON_CATEGORIES = ['objective', 'subjective'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** Stable codes: what reviews store, so labels can be renamed without touching them. */
export const reasonCode = z.string().regex(/^[a-z][a-z0-9_]{1,29}$/);

const label = z.string().trim().min(1).max(REVIEW_LIMITS.labelMax);

/** One reason of the list; an archived reason is kept for the reviews using it but offered no more. */
export const reviewReasonSchema = z.strictObject({
  code: reasonCode,
  category: z.enum(REASON_CATEGORIES),
  labels: z.strictObject({ 'zh-CN': label, 'zh-TW': label, en: label }),
  archived: z.boolean().default(false),
});
export type ReviewReason = z.infer<typeof reviewReasonSchema>;

/** The list as stored and edited (settings section `review_reasons`); codes are unique. */
export const reviewReasonsValue = z.strictObject({
  reasons: z
    .array(reviewReasonSchema)
    .min(1)
    .max(REVIEW_LIMITS.reasonsMax)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { message: 'duplicate code' }),
});
export type ReviewReasonsValue = z.infer<typeof reviewReasonsValue>;

/** `GET /review-reasons`. */
export const reviewReasonsSchema = reviewReasonsValue.extend({ version: z.number().int() });
export type ReviewReasons = z.infer<typeof reviewReasonsSchema>;

/** `PUT /review-reasons`: the whole list; a code some review uses may be archived, not removed. */
export const updateReviewReasonsBody = reviewReasonsValue.extend({ version: z.number().int().positive() });

const reason = (code: string, category: ReasonCategory, zhCN: string, zhTW: string, en: string): ReviewReason => ({
  code,
  category,
  labels: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  archived: false,
});

/** The default list, from common practice in 考核 reviews. */
export const DEFAULT_REVIEW_REASONS: ReviewReason[] = [
  reason('funding', 'objective', '资金不到位', '資金不到位', 'Funding not in place'),
  reason('approvals', 'objective', '审批手续', '審批手續', 'Approval procedures'),
  reason('policy', 'objective', '政策调整', '政策調整', 'Policy change'),
  reason('coordination', 'objective', '跨部门协调', '跨部門協調', 'Cross-department coordination'),
  reason('external', 'objective', '外部环境/不可抗力', '外部環境/不可抗力', 'External conditions / force majeure'),
  reason('inaction', 'subjective', '不作为/慢作为', '不作為/慢作為', 'Inaction / slow action'),
  reason('planning', 'subjective', '谋划不足', '謀劃不足', 'Insufficient planning'),
  reason('execution', 'subjective', '推进不力', '推進不力', 'Weak execution'),
  reason('responsibility', 'subjective', '责任不落实', '責任不落實', 'Responsibility not assigned'),
  reason('capacity', 'subjective', '能力不足', '能力不足', 'Insufficient capacity'),
];

/** True for the outcomes that need a reason and an explanation. */
export function needsReason(outcome: (typeof TASK_OUTCOMES)[number]): boolean {
  return outcome !== 'done_on_time';
}

const id = z.coerce.number().int().positive().max(2147483647);

export const reviewTaskParams = z.strictObject({ id, taskId: id });

/** Worksheet filters: outcome (as reviewed, else as computed), reviewed or not, lead unit. */
export const reviewQuery = z.strictObject({
  outcome: z.enum(TASK_OUTCOMES).optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  unitId: id.optional(),
});

/**
 * `PUT /assessment/periods/:id/review/:taskId`. `outcome` defaults to the computed one. Late or
 * not done: `reasonCode` (a current code of the list) and `explanation` required. Done on time:
 * `practices` and `exemplaryCandidate`. Fields that do not apply to the outcome are not stored.
 * `version` is the review's version, 0 for a task not reviewed yet (409 when stale).
 */
export const saveReviewBody = z.strictObject({
  outcome: z.enum(TASK_OUTCOMES).optional(),
  reasonCode: reasonCode.nullable().optional(),
  explanation: z.string().max(REVIEW_LIMITS.explanationMax).nullable().optional(),
  practices: z.string().max(REVIEW_LIMITS.practicesMax).nullable().optional(),
  exemplaryCandidate: z.boolean().default(false),
  version: z.number().int().min(0),
});
export type SaveReviewBody = z.input<typeof saveReviewBody>;

/** A task's review, once classified. */
export const reviewSchema = z.object({
  outcome: z.enum(TASK_OUTCOMES),
  reasonCode: z.string().nullable(),
  explanation: z.string().nullable(),
  practices: z.string().nullable(),
  exemplaryCandidate: z.boolean(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string(),
  version: z.number().int(),
});
export type ReviewView = z.infer<typeof reviewSchema>;

/** One line of the worksheet: the task, its computed outcome, and its review (null until reviewed). */
export const reviewItemSchema = z.object({
  taskId: z.number().int(),
  taskNumber: z.string(),
  taskTitle: z.string(),
  /** `task` or `rectification`. */
  kind: z.string(),
  leadUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  computedOutcome: z.enum(TASK_OUTCOMES),
  deadline: z.string().nullable(),
  closedAt: z.string().nullable(),
  review: reviewSchema.nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** `GET /assessment/periods/:id/review`: every (filtered) task of the period, by task number. */
export const reviewWorksheetSchema = z.object({
  period: z.object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(['draft', 'frozen']),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  /** True when the caller may classify (supervision, period not frozen). */
  canEdit: z.boolean(),
  /** Tasks of the whole period and how many of them are reviewed (whatever the filters). */
  total: z.number().int(),
  reviewed: z.number().int(),
  items: z.array(reviewItemSchema),
});
export type ReviewWorksheet = z.infer<typeof reviewWorksheetSchema>;

/** `GET /assessment/periods/:id/review/summary`: the roll-up (outcomes as reviewed, else computed). */
export const reviewSummarySchema = z.object({
  total: z.number().int(),
  reviewed: z.number().int(),
  outcomes: z.record(z.enum(TASK_OUTCOMES), z.number().int()),
  exemplaryCandidates: z.number().int(),
  categories: z.record(z.enum(REASON_CATEGORIES), z.number().int()),
  /** Every reason in use or offered, in list order; `label` in the caller's language. */
  reasons: z.array(
    z.object({
      code: z.string(),
      category: z.enum(REASON_CATEGORIES),
      label: z.string(),
      labels: z.record(z.enum(LOCALES), z.string()),
      count: z.number().int(),
    }),
  ),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;
