import { yearOf } from '../../domain/dates.js';
import {
  BULLETIN_MENTIONS,
  BULLETIN_SERIES,
  type BulletinContent,
  type BulletinMention,
} from '../../shared/bulletins-api.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { formatDocNumber, nextDocNumber } from '../documents/doc-numbers.repository.js';
import { AppError } from '../errors.js';
import { activeHoldersOf } from '../notifications/notifications.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { findUnitRows } from '../units/units.repository.js';
import { assertEditable, readerUnitOf, requireVisibleBulletin } from './bulletin-access.js';
import { contentOf } from './bulletins.presenter.js';
import { insertBulletinUnitRows, markIssuedRow, markUnitRead } from './bulletins.repository.js';
import { type Deps, todayOf } from './bulletins.service.js';

// Issuing a bulletin: the year's next number (督通〔2026〕3号), the units it names recorded (so they
// see it), their heads and staff and the leaders told, and the issue in the audit trail — all in
// one transaction, so a failed issue gives its number back.

const strength = (mention: BulletinMention) => BULLETIN_MENTIONS.indexOf(mention);

/** Every unit the content names, with the strongest reason (criticised > overdue > commended > ranked). */
export function mentionsOf(content: BulletinContent): Map<number, BulletinMention> {
  const out = new Map<number, BulletinMention>();
  const add = (unitId: number | null, mention: BulletinMention) => {
    if (unitId === null) return;
    const had = out.get(unitId);
    if (had === undefined || strength(mention) < strength(had)) out.set(unitId, mention);
  };
  for (const row of content.ranking.rows) add(row.unitId, 'ranked');
  for (const line of content.commendations.lines) add(line.unitId, 'commended');
  for (const row of content.overdue.rows) add(row.unitId, 'overdue');
  for (const line of content.criticisms.lines) add(line.unitId, 'criticised');
  return out;
}

async function recordUnits(trx: Executor, bulletinId: number, content: BulletinContent): Promise<number[]> {
  const mentions = mentionsOf(content);
  // Content is the supervisor's to edit: a unit id that names no unit is simply not told.
  const units = await findUnitRows(trx, [...mentions.keys()]);
  const rows = units.map((unit) => ({
    bulletin_id: bulletinId,
    unit_id: unit.id,
    mention: mentions.get(unit.id) as BulletinMention,
    read_at: null,
  }));
  await insertBulletinUnitRows(trx, rows);
  return rows.map((row) => row.unit_id);
}

/** Issues a draft under the year's next number (version-checked); answers the number. */
export async function issueBulletin(
  deps: Deps,
  input: { bulletinId: number; version: number; actor: Actor },
): Promise<string> {
  const year = yearOf(todayOf(deps.config));
  return inTransaction(deps.db, async (trx) => {
    const row = await requireVisibleBulletin(trx, input.actor, input.bulletinId);
    assertEditable(input.actor, row);
    if (row.version !== input.version) throw new AppError('version_conflict', { object: 'bulletin' });
    const seq = await nextDocNumber(trx, BULLETIN_SERIES, year);
    const number = formatDocNumber(BULLETIN_SERIES, year, seq);
    const at = nowIso();
    const issued = await markIssuedRow(trx, {
      id: row.id,
      version: input.version,
      year,
      seq,
      number,
      by: input.actor.userId,
      at,
    });
    if (!issued) throw new AppError('version_conflict', { object: 'bulletin' });
    const unitIds = await recordUnits(trx, row.id, contentOf(row));
    const told = await notify(trx, {
      kind: 'bulletin.issued',
      taskId: null,
      subjectType: 'bulletin',
      subjectId: row.id,
      params: { number, title: row.title },
      unitIds,
      roles: ['unit_head', 'unit_staff'],
      userIds: await activeHoldersOf(trx, 'leader'),
      actor: input.actor,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'bulletin.issue',
      objectType: 'bulletin',
      objectId: row.id,
      detail: { number, title: row.title, periodId: row.period_id, asOf: row.as_of, unitIds, notified: told },
    });
    return number;
  });
}

/** Marks an issued bulletin read for the caller's unit (nothing to do for those reading for no unit). */
export async function markBulletinRead(deps: Deps, input: { bulletinId: number; actor: Actor }): Promise<void> {
  const row = await requireVisibleBulletin(deps.db, input.actor, input.bulletinId);
  const unitId = readerUnitOf(input.actor);
  if (unitId === null || row.status !== 'issued') return;
  await markUnitRead(deps.db, { bulletinId: row.id, unitId, at: nowIso() });
}
