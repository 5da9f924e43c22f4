import { localDate } from '../../domain/dates.js';
import type { BulletinContent, UpdateBulletinInput } from '../../shared/bulletins-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import type { Config } from '../config.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { findOrganisation } from '../documents/organisation.js';
import { AppError } from '../errors.js';
import { assertEditable, mayWriteBulletins, requireVisibleBulletin } from './bulletin-access.js';
import { generateBulletin } from './bulletin-generate.js';
import { type BulletinRow, insertBulletinRow, updateDraftRow } from './bulletins.repository.js';

// Drafting bulletins: generate one for a period or a date, edit it, or write it afresh from the
// data. Issuing (the number, the units told) is in bulletin-issue.service.ts.

export type Deps = { db: Database; config: Config };

/** Today in the configured time zone. */
export const todayOf = (config: Config) => localDate(new Date(), config.timeZone);

async function generate(db: Executor, config: Config, input: { periodId: number | null; asOf: string }) {
  const [calendar, organisation] = await Promise.all([loadWorkingCalendar(db), findOrganisation(db)]);
  return generateBulletin(db, { ...input, locale: organisation.locale, timeZone: config.timeZone, calendar });
}

/**
 * Generates a draft: for a period (figures of its tasks as of today, ranking from its stored
 * results; 409 period_not_computed when it never was computed) or for a date (every task, the
 * latest frozen period's ranking). Answers the new draft's id.
 */
export async function createBulletin(
  deps: Deps,
  input: { periodId?: number | undefined; asOf?: string | undefined; title?: string | undefined; actor: Actor },
): Promise<number> {
  if (!mayWriteBulletins(input.actor)) throw new AppError('forbidden');
  const today = todayOf(deps.config);
  const asOf = input.asOf ?? today;
  if (asOf > today) throw new AppError('validation_failed', { summary: 'asOf' }, 'asOf');
  return inTransaction(deps.db, async (trx) => {
    const periodId = input.periodId ?? null;
    const draft = await generate(trx, deps.config, { periodId, asOf });
    const now = nowIso();
    const row = await insertBulletinRow(trx, {
      period_id: periodId,
      as_of: asOf,
      title: input.title?.trim() || draft.title,
      content: JSON.stringify(draft.content),
      status: 'draft',
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'bulletin.create',
      objectType: 'bulletin',
      objectId: row.id,
      detail: { periodId, asOf },
    });
    return row.id;
  });
}

async function saveDraft(
  trx: Executor,
  row: BulletinRow,
  input: {
    version: number;
    title?: string | undefined;
    content?: BulletinContent | undefined;
    asOf?: string | undefined;
    actor: Actor;
  },
  action: string,
): Promise<void> {
  if (row.version !== input.version) throw new AppError('version_conflict', { object: 'bulletin' });
  const updated = await updateDraftRow(trx, {
    id: row.id,
    version: input.version,
    set: {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.content !== undefined ? { content: JSON.stringify(input.content) } : {}),
      ...(input.asOf !== undefined ? { as_of: input.asOf } : {}),
      updated_at: nowIso(),
    },
  });
  if (!updated) throw new AppError('version_conflict', { object: 'bulletin' });
  await insertAuditEntry(trx, input.actor, {
    action,
    objectType: 'bulletin',
    objectId: row.id,
    detail: {
      fields: [input.title !== undefined && 'title', input.content !== undefined && 'content'].filter(Boolean),
    },
  });
}

/** Edits a draft's title and content (version-checked; issued → 409 bulletin_not_editable). */
export async function updateBulletin(deps: Deps, input: UpdateBulletinInput & { bulletinId: number; actor: Actor }) {
  await inTransaction(deps.db, async (trx) => {
    const row = await requireVisibleBulletin(trx, input.actor, input.bulletinId);
    assertEditable(input.actor, row);
    await saveDraft(trx, row, input, 'bulletin.update');
  });
}

/** Writes a draft's content afresh from today's data (the title stays as edited). */
export async function regenerateBulletin(deps: Deps, input: { bulletinId: number; version: number; actor: Actor }) {
  await inTransaction(deps.db, async (trx) => {
    const row = await requireVisibleBulletin(trx, input.actor, input.bulletinId);
    assertEditable(input.actor, row);
    // A period bulletin's figures are today's; a date bulletin keeps its date.
    const asOf = row.period_id === null ? row.as_of : todayOf(deps.config);
    const draft = await generate(trx, deps.config, { periodId: row.period_id, asOf });
    const edit = { version: input.version, content: draft.content, asOf, actor: input.actor };
    await saveDraft(trx, row, edit, 'bulletin.regenerate');
  });
}
