import type { TaskOutcome } from '../../shared/assessment-api.js';
import type { Locale } from '../../shared/locales.js';
import {
  needsReason,
  type ReviewItem,
  type ReviewSummary,
  type ReviewWorksheet,
  type SaveReviewBody,
} from '../../shared/review-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed } from '../policy.js';
import { presentReviewItem, presentReviewSummary } from './review.presenter.js';
import {
  countByOutcome,
  countReviewProgress,
  countReviewReasons,
  findComputedOutcome,
  findReviewPeriod,
  findReviewRow,
  insertReviewRow,
  listWorksheetRows,
  lockReviewPeriod,
  updateReviewRow,
  type WorksheetFilter,
} from './review.repository.js';
import { canManageReviews, getReviewReasons } from './review-reasons.service.js';

// 逐项分析 (issue 7 item 3): the rules of classifying each task of a computed period. The supervision
// office writes; leaders and auditors read; everyone else is refused (403) — the worksheet names
// every unit's failures, which is not a unit's business.

/** Who may read the worksheet and its roll-up. */
export function canReadReviews(actor: Actor): boolean {
  return canManageReviews(actor) || actor.roles.has('leader') || actor.roles.has('auditor');
}

/** The period, computed (404 when missing, 409 period_not_computed before its first computation). */
async function computedPeriod(db: Executor, periodId: number) {
  const period = await findReviewPeriod(db, periodId);
  if (!period) throw new AppError('not_found', { object: 'assessment_period' });
  if (period.computed_at === null) throw new AppError('period_not_computed');
  return period;
}

/** The worksheet: every task of the period matching the filters, by task number, with the progress. */
export async function getReviewWorksheet(
  db: Database,
  input: { periodId: number; filter: WorksheetFilter; actor: Actor },
): Promise<ReviewWorksheet> {
  assertAllowed(canReadReviews(input.actor));
  const period = await computedPeriod(db, input.periodId);
  const rows = await listWorksheetRows(db, period.id, input.filter);
  const progress = await countReviewProgress(db, period.id);
  const status = period.status === 'frozen' ? 'frozen' : 'draft';
  return {
    period: { id: period.id, name: period.name, status, startsOn: period.starts_on, endsOn: period.ends_on },
    canEdit: canManageReviews(input.actor) && status !== 'frozen',
    ...progress,
    items: rows.map(presentReviewItem),
  };
}

const blank = (value: string | null | undefined) => !value || value.trim().length === 0;

/**
 * The stored fields for the outcome: late or undone needs a current reason (an archived one only
 * if the review already had it) and an explanation; done on time keeps practices and the flag.
 */
async function reviewFields(
  db: Executor,
  outcome: TaskOutcome,
  body: SaveReviewBody,
  previousCode: string | null,
): Promise<{
  reason_code: string | null;
  explanation: string | null;
  practices: string | null;
  exemplary_candidate: number;
}> {
  if (!needsReason(outcome)) {
    const practices = blank(body.practices) ? null : (body.practices as string).trim();
    return { reason_code: null, explanation: null, practices, exemplary_candidate: body.exemplaryCandidate ? 1 : 0 };
  }
  if (blank(body.reasonCode)) throw new AppError('review_reason_required', {}, 'reasonCode');
  if (blank(body.explanation)) throw new AppError('review_reason_required', {}, 'explanation');
  const code = body.reasonCode as string;
  const reason = (await getReviewReasons(db)).reasons.find((r) => r.code === code);
  if (!reason || (reason.archived && previousCode !== code)) {
    throw new AppError('review_reason_unknown', { reason: code }, 'reasonCode');
  }
  return {
    reason_code: code,
    explanation: (body.explanation as string).trim(),
    practices: null,
    exemplary_candidate: 0,
  };
}

/**
 * Classifies one task of the period (supervision). `version` 0 means "not reviewed yet"; a stale one
 * answers 409 version_conflict. A frozen period refuses (409 period_frozen). Audited.
 */
export async function saveReview(
  db: Database,
  input: { periodId: number; taskId: number; body: SaveReviewBody; actor: Actor },
): Promise<ReviewItem> {
  assertAllowed(canManageReviews(input.actor));
  const { periodId, taskId, body, actor } = input;
  await inTransaction(db, async (trx) => {
    // The period row's lock: a freeze (or recompute) waits for this review, or this waits for it.
    await lockReviewPeriod(trx, periodId);
    const period = await computedPeriod(trx, periodId);
    if (period.status === 'frozen') throw new AppError('period_frozen');
    const computed = await findComputedOutcome(trx, periodId, taskId);
    if (!computed) throw new AppError('not_found', { object: 'task' });
    const existing = await findReviewRow(trx, periodId, taskId);
    if ((existing?.version ?? 0) !== body.version) throw new AppError('version_conflict', { object: 'review' });
    const outcome = body.outcome ?? computed;
    const fields = await reviewFields(trx, outcome, body, existing?.reason_code ?? null);
    const values = { outcome, ...fields, reviewed_by: actor.userId, reviewed_at: nowIso() };
    const written = existing
      ? await updateReviewRow(trx, periodId, taskId, body.version, values)
      : await insertReviewRow(trx, periodId, taskId, values);
    if (!written) throw new AppError('version_conflict', { object: 'review' });
    const before = existing
      ? { outcome: existing.outcome, reasonCode: existing.reason_code, exemplary: existing.exemplary_candidate }
      : null;
    await insertAuditEntry(trx, actor, {
      action: 'assessment.review',
      objectType: 'assessment_period',
      objectId: periodId,
      detail: {
        taskId,
        computed,
        before,
        after: { outcome, reasonCode: fields.reason_code, exemplary: fields.exemplary_candidate },
      },
    });
  });
  const [row] = await listWorksheetRows(db, periodId, { taskId });
  if (!row) throw new AppError('not_found', { object: 'task' });
  return presentReviewItem(row);
}

/** The roll-up: outcomes, reviewed vs total, and counts by reason and category. */
export async function getReviewSummary(
  db: Database,
  input: { periodId: number; actor: Actor; locale: Locale },
): Promise<ReviewSummary> {
  assertAllowed(canReadReviews(input.actor));
  const period = await computedPeriod(db, input.periodId);
  const progress = await countReviewProgress(db, period.id);
  const outcomes = await countByOutcome(db, period.id);
  const { reasons, exemplary } = await countReviewReasons(db, period.id);
  const list = await getReviewReasons(db);
  return presentReviewSummary({ ...progress, outcomes, reasons, exemplary }, list.reasons, input.locale);
}
