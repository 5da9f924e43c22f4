import type { BulletinAction } from '../../shared/bulletins-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { type BulletinRow, findBulletinRow } from './bulletins.repository.js';

// Who may see and change bulletins: the supervision office writes and issues them; leaders and
// auditors read all of them; a unit's people read the issued ones that name their unit.

/** Generating, editing and issuing: the supervision office (and administrators). */
export function mayWriteBulletins(actor: Actor): boolean {
  return actor.roles.has('supervisor') || actor.roles.has('admin') || actor.via === 'system';
}

/** Every bulletin, drafts included: supervision, leaders, auditors. */
export function maySeeAllBulletins(actor: Actor): boolean {
  return mayWriteBulletins(actor) || actor.roles.has('leader') || actor.roles.has('auditor');
}

/** The unit whose issued bulletins the caller reads as one of its people, or null. */
export function readerUnitOf(actor: Actor): number | null {
  if (actor.unitId === null) return null;
  return actor.roles.has('unit_head') || actor.roles.has('unit_staff') ? actor.unitId : null;
}

/** A bulletin the caller may read; missing and out of sight are the same 404, so ids do not leak. */
export async function requireVisibleBulletin(db: Executor, actor: Actor, id: number): Promise<BulletinRow> {
  const row = await findBulletinRow(db, id);
  if (row && maySeeAllBulletins(actor)) return row;
  const unitId = readerUnitOf(actor);
  if (row && row.status === 'issued' && unitId !== null) {
    const named = await db
      .selectFrom('bulletin_units')
      .select('unit_id')
      .where('bulletin_id', '=', row.id)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (named) return row;
  }
  throw new AppError('not_found', { object: 'bulletin' });
}

/** What the caller may do to the bulletin now. */
export function allowedBulletinActions(actor: Actor, row: Pick<BulletinRow, 'status'>): BulletinAction[] {
  if (!mayWriteBulletins(actor) || row.status !== 'draft') return [];
  return ['edit', 'regenerate', 'issue'];
}

/** 403 unless the caller writes bulletins; 409 bulletin_not_editable unless the bulletin is a draft. */
export function assertEditable(actor: Actor, row: BulletinRow): void {
  if (!mayWriteBulletins(actor)) throw new AppError('forbidden');
  if (row.status !== 'draft') throw new AppError('bulletin_not_editable');
}
