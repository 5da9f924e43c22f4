import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { BulletinTable, BulletinUnitTable } from '../db/schema-assessment.js';

export type BulletinRow = Selectable<BulletinTable>;
export type BulletinUnitRow = Selectable<BulletinUnitTable>;

export async function insertBulletinRow(db: Executor, row: Insertable<BulletinTable>): Promise<BulletinRow> {
  return db.insertInto('bulletins').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findBulletinRow(db: Executor, id: number): Promise<BulletinRow | undefined> {
  return db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a draft at the expected version; undefined when it moved on (or is no longer a draft). */
export function updateDraftRow(
  db: Executor,
  input: { id: number; version: number; set: Partial<Pick<BulletinRow, 'title' | 'content' | 'as_of' | 'updated_at'>> },
): Promise<BulletinRow | undefined> {
  return db
    .updateTable('bulletins')
    .set({ ...input.set, version: input.version + 1 })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/** Marks a draft issued under its number; undefined when the version moved on. */
export function markIssuedRow(
  db: Executor,
  input: { id: number; version: number; year: number; seq: number; number: string; by: number | null; at: string },
): Promise<BulletinRow | undefined> {
  return db
    .updateTable('bulletins')
    .set({
      status: 'issued',
      year: input.year,
      seq: input.seq,
      number: input.number,
      issued_by: input.by,
      issued_at: input.at,
      updated_at: input.at,
      version: input.version + 1,
    })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function insertBulletinUnitRows(
  db: Executor,
  rows: ReadonlyArray<Insertable<BulletinUnitTable>>,
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('bulletin_units')
      .values([...rows])
      .execute();
}

export function listBulletinUnitRows(db: Executor, bulletinIds: readonly number[]) {
  if (bulletinIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bulletin_units')
    .innerJoin('units', 'units.id', 'bulletin_units.unit_id')
    .select(['bulletin_id', 'unit_id', 'mention', 'read_at', 'units.name'])
    .where('bulletin_id', 'in', [...bulletinIds])
    .orderBy('units.path')
    .execute();
}

/** Marks the bulletin read for one unit (the first reader's time stays). */
export async function markUnitRead(db: Executor, input: { bulletinId: number; unitId: number; at: string }) {
  await db
    .updateTable('bulletin_units')
    .set({ read_at: input.at })
    .where('bulletin_id', '=', input.bulletinId)
    .where('unit_id', '=', input.unitId)
    .where('read_at', 'is', null)
    .execute();
}

/**
 * A page of bulletins, newest first (keyset on id): all of them, or (`unitId`) only those issued
 * that name the unit (bulletin_units_unit_idx).
 */
export function listBulletinRows(
  db: Executor,
  input: {
    unitId: number | null | 'all';
    status?: string | undefined;
    periodId?: number | undefined;
    beforeId?: number | undefined;
    /** Only those the unit has not read (ignored when `unitId` is 'all'). */
    unread?: boolean | undefined;
    limit: number;
  },
): Promise<BulletinRow[]> {
  let query = db.selectFrom('bulletins').selectAll('bulletins');
  if (input.unitId !== 'all') {
    const unitId = input.unitId ?? -1;
    // bulletin_units_unit_idx (unit_id, bulletin_id): the unit's bulletins without touching the others.
    query = query.where('bulletins.status', '=', 'issued').where('bulletins.id', 'in', (eb) => {
      const mine = eb.selectFrom('bulletin_units').select('bulletin_id').where('unit_id', '=', unitId);
      return input.unread ? mine.where('read_at', 'is', null) : mine;
    });
  }
  if (input.status) query = query.where('bulletins.status', '=', input.status);
  if (input.periodId !== undefined) query = query.where('bulletins.period_id', '=', input.periodId);
  if (input.beforeId !== undefined) query = query.where('bulletins.id', '<', input.beforeId);
  return query.orderBy('bulletins.id', 'desc').limit(input.limit).execute();
}

export function findPeriodNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_periods')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}

export function findUserNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
}
