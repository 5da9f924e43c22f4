import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { UnitTable } from '../db/schema.js';

export type UnitRow = Selectable<UnitTable>;

/** Every unit, parents before children within a level (units_parent_idx), optionally without archived ones. */
export function listUnitRows(db: Executor, { includeArchived }: { includeArchived: boolean }): Promise<UnitRow[]> {
  let query = db.selectFrom('units').selectAll();
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('depth').orderBy('sort_order').orderBy('id').execute();
}

/** One unit by id. */
export function findUnitRow(db: Executor, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Units by id, for batch checks. */
export function findUnitRows(db: Executor, ids: readonly number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

/** A sibling (same parent) with this name, other than `exceptId` (units_parent_idx then name). */
export function findSiblingByName(
  db: Executor,
  parentId: number | null,
  name: string,
  exceptId?: number,
): Promise<UnitRow | undefined> {
  let query = db.selectFrom('units').selectAll().where('name', '=', name).where('archived_at', 'is', null);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Inserts a unit and sets its materialised path from the parent's, in the caller's transaction. */
export async function insertUnitRow(
  db: Executor,
  values: {
    parent: UnitRow | null;
    name: string;
    short_name: string | null;
    aliases: string;
    sort_order: number;
    now: string;
  },
): Promise<UnitRow> {
  const inserted = await db
    .insertInto('units')
    .values({
      parent_id: values.parent?.id ?? null,
      name: values.name,
      short_name: values.short_name,
      aliases: values.aliases,
      sort_order: values.sort_order,
      depth: values.parent ? values.parent.depth + 1 : 0,
      path: '',
      created_at: values.now,
      updated_at: values.now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${values.parent?.path ?? '/'}${inserted.id}/`;
  return db.updateTable('units').set({ path }).where('id', '=', inserted.id).returningAll().executeTakeFirstOrThrow();
}

/**
 * Updates a unit's own fields when its version still matches; returns undefined on a version
 * mismatch (the caller tells 404 from 409). Bumps the version.
 */
export function updateUnitRow(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Pick<UnitRow, 'name' | 'short_name' | 'aliases' | 'sort_order' | 'archived_at'>> & {
    updated_at: string;
  },
): Promise<UnitRow | undefined> {
  return db
    .updateTable('units')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Moves a subtree: rewrites the path prefix and depth of the unit and all its descendants in one
 * statement (a prefix range on units_path_idx), then re-parents the unit with a version check.
 */
export async function moveSubtree(
  db: Executor,
  unit: UnitRow,
  newParent: UnitRow | null,
  now: string,
): Promise<UnitRow | undefined> {
  const newPath = `${newParent?.path ?? '/'}${unit.id}/`;
  const depthDelta = (newParent ? newParent.depth + 1 : 0) - unit.depth;
  const moved = await db
    .updateTable('units')
    .set({ parent_id: newParent?.id ?? null, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', unit.id)
    .where('version', '=', unit.version)
    .returning('id')
    .executeTakeFirst();
  if (!moved) return undefined;
  await db
    .updateTable('units')
    .set({
      path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('path', 'like', `${unit.path}%`)
    .execute();
  return findUnitRow(db, unit.id);
}

/** How many direct children of a unit are not archived. */
export async function countActiveChildren(db: Executor, id: number): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Serialises tree moves: a no-op update takes the `unit_tree` row lock until the transaction ends
 * (PostgreSQL); SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
 */
export async function lockUnitTree(db: Executor): Promise<void> {
  await db
    .updateTable('mutexes')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('name', '=', 'unit_tree')
    .execute();
}
