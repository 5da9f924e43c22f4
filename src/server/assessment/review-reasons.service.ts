import { z } from 'zod';
import {
  DEFAULT_REVIEW_REASONS,
  type ReviewReason,
  type ReviewReasons,
  type ReviewReasonsValue,
  reviewReasonsValue,
} from '../../shared/review-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed } from '../policy.js';
import { lockSettingRow, updateSettingRow, writeSettingRow } from '../settings/settings.repository.js';
import { settingsSection } from '../settings/settings-section.js';
import { listReasonCodesInUse } from './review.repository.js';

// The configurable list of reasons a late or undone task is classified by (客观原因 / 主观原因),
// kept as the settings row `review_reasons`. Unlike organisation settings it is the supervision
// office's to edit, so the write is done here rather than by the section (administrators only).

const KEY = 'review_reasons';

const defaults = (): ReviewReasonsValue => ({ reasons: DEFAULT_REVIEW_REASONS.map((r) => ({ ...r })) });

/** Read leniently: a missing or broken list means the default list, never no reasons at all. */
const stored = z.object({ reasons: reviewReasonsValue.shape.reasons.catch(() => defaults().reasons) });

const section = settingsSection<ReviewReasonsValue>(
  KEY,
  stored as unknown as z.ZodType<ReviewReasonsValue>,
  defaults(),
);

/** The supervision office (and administrators) keep the reasons list and classify tasks. */
export function canManageReviews(actor: Actor): boolean {
  return actor.roles.has('supervisor') || actor.roles.has('admin');
}

/** The list in force with its version (1 while nobody has changed the defaults). */
export function getReviewReasons(db: Executor): Promise<ReviewReasons> {
  return section.get(db);
}

/** The reason of a code, or undefined when the list has no such code. */
export async function findReviewReason(db: Executor, code: string): Promise<ReviewReason | undefined> {
  return (await getReviewReasons(db)).reasons.find((reason) => reason.code === code);
}

/**
 * Replaces the list if nobody changed it since `version` (409). A code some review uses must stay
 * in the list (it may be archived): 422 validation_failed naming the first missing one.
 */
export async function updateReviewReasons(
  db: Database,
  input: { version: number; reasons: ReviewReason[]; actor: Actor },
): Promise<ReviewReasons> {
  assertAllowed(canManageReviews(input.actor));
  const value: ReviewReasonsValue = { reasons: input.reasons };
  return inTransaction(db, async (trx) => {
    const row = await lockSettingRow(trx, KEY);
    const { version: current, ...before } = await section.get(trx);
    if (current !== input.version) throw new AppError('version_conflict', { object: 'settings' });
    const kept = new Set(value.reasons.map((reason) => reason.code));
    const removed = (await listReasonCodesInUse(trx)).find((code) => !kept.has(code));
    if (removed) throw new AppError('validation_failed', { summary: `${removed}: in use, archive it` }, 'reasons');
    const changes = { updated_at: nowIso(), updated_by: input.actor.userId };
    // No row yet means the defaults at version 1: write them first so the version check below holds.
    if (!row) await writeSettingRow(trx, KEY, { value: JSON.stringify(before), ...changes });
    const written = await updateSettingRow(trx, KEY, input.version, { value: JSON.stringify(value), ...changes });
    if (!written) throw new AppError('version_conflict', { object: 'settings' });
    await insertAuditEntry(trx, input.actor, {
      action: 'settings.update',
      objectType: 'settings',
      objectId: KEY,
      detail: { from: before, to: value },
    });
    return { ...value, version: written.version };
  });
}
