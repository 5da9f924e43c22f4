import type { Transaction } from 'kysely';
import { diffChanges } from '../../domain/field-diff.js';
import { isMoveIntoOwnSubtree, normaliseAliases } from '../../domain/unit-tree.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { rewriteUnitPathsInTasks } from '../tasks/tasks.repository.js';
import {
  countActiveChildren,
  findSiblingByName,
  findUnitRow,
  insertUnitRow,
  listUnitRows,
  lockUnitTree,
  moveSubtree,
  type UnitRow,
  updateUnitRow,
} from './units.repository.js';

/** All units (flat; clients build the tree from parentId). */
export function listUnits(db: Database, { includeArchived, actor }: { includeArchived: boolean; actor: Actor }) {
  assertAllowed(can.readUnits(actor));
  return listUnitRows(db, { includeArchived });
}

/** One unit, or 404. */
export async function getUnit(db: Executor, { unitId, actor }: { unitId: number; actor: Actor }): Promise<UnitRow> {
  assertAllowed(can.readUnits(actor));
  const unit = await findUnitRow(db, unitId);
  if (!unit) throw new AppError('not_found', { object: 'unit' });
  return unit;
}

/** A unit that must exist and be usable as a parent or a person's unit. */
export async function requireActiveUnit(db: Executor, unitId: number, field: string): Promise<UnitRow> {
  const unit = await findUnitRow(db, unitId);
  if (!unit) throw new AppError('unit_not_found', { id: unitId }, field);
  if (unit.archived_at) throw new AppError('unit_archived', { name: unit.name }, field);
  return unit;
}

async function assertNameFree(db: Executor, parentId: number | null, name: string, exceptId?: number) {
  if (await findSiblingByName(db, parentId, name, exceptId)) throw new AppError('unit_name_taken', { name }, 'name');
}

/**
 * Runs a unit write in a transaction and turns a sibling-name unique-index violation (two
 * concurrent writers that both passed the name check) into the same 409 the check gives.
 * `named.name` is set by the work to the name it is writing.
 */
async function unitWrite<T>(db: Database, work: (trx: Transaction<DB>, named: { name: string }) => Promise<T>) {
  const named = { name: '' };
  try {
    return await inTransaction(db, (trx) => work(trx, named));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('unit_name_taken', { name: named.name }, 'name');
    throw error;
  }
}

/** Re-reads a unit after a failed versioned update to answer 404 or 409. */
async function conflictOrMissing(db: Executor, unitId: number): Promise<never> {
  const exists = await findUnitRow(db, unitId);
  throw exists ? new AppError('version_conflict', { object: 'unit' }) : new AppError('not_found', { object: 'unit' });
}

export interface CreateUnitInput {
  name: string;
  shortName?: string | null | undefined;
  aliases?: string[] | undefined;
  parentId?: number | null | undefined;
  sortOrder?: number | undefined;
  actor: Actor;
}

/** Adds a unit under a parent (or at the top). Sibling names are unique among active units. */
export async function createUnit(db: Database, input: CreateUnitInput): Promise<UnitRow> {
  assertAllowed(can.manageUnits(input.actor));
  const name = input.name.trim();
  return unitWrite(db, async (trx, named) => {
    named.name = name;
    const parent = input.parentId ? await requireActiveUnit(trx, input.parentId, 'parentId') : null;
    await assertNameFree(trx, parent?.id ?? null, name);
    const unit = await insertUnitRow(trx, {
      parent,
      name,
      short_name: input.shortName?.trim() || null,
      aliases: JSON.stringify(normaliseAliases(input.aliases ?? [], name)),
      sort_order: input.sortOrder ?? 0,
      now: nowIso(),
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'unit.create',
      objectType: 'unit',
      objectId: unit.id,
      detail: { name },
    });
    return unit;
  });
}

export interface UpdateUnitInput {
  unitId: number;
  version: number;
  name?: string | undefined;
  shortName?: string | null | undefined;
  aliases?: string[] | undefined;
  sortOrder?: number | undefined;
  actor: Actor;
}

/** Renames a unit or changes its short name, aliases or order, if nobody changed it meanwhile. */
export async function updateUnit(db: Database, input: UpdateUnitInput): Promise<UnitRow> {
  assertAllowed(can.manageUnits(input.actor));
  return unitWrite(db, async (trx, named) => {
    const current = await getUnit(trx, { unitId: input.unitId, actor: input.actor });
    const name = input.name?.trim() ?? current.name;
    named.name = name;
    if (name !== current.name) await assertNameFree(trx, current.parent_id, name, current.id);
    const aliases = input.aliases ?? (JSON.parse(current.aliases) as string[]);
    const updated = await updateUnitRow(trx, input.unitId, input.version, {
      name,
      ...(input.shortName !== undefined ? { short_name: input.shortName?.trim() || null } : {}),
      aliases: JSON.stringify(normaliseAliases(aliases, name)),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      updated_at: nowIso(),
    });
    if (!updated) return conflictOrMissing(trx, input.unitId);
    await insertAuditEntry(trx, input.actor, {
      action: 'unit.update',
      objectType: 'unit',
      objectId: input.unitId,
      ...diffChanges(
        {
          name: current.name,
          shortName: current.short_name,
          aliases: JSON.parse(current.aliases),
          sortOrder: current.sort_order,
        },
        {
          name: updated.name,
          shortName: updated.short_name,
          aliases: JSON.parse(updated.aliases),
          sortOrder: updated.sort_order,
        },
      ),
    });
    return updated;
  });
}

/** Moves a unit (with its whole subtree) under another parent, refusing cycles. */
export async function moveUnit(
  db: Database,
  input: { unitId: number; version: number; parentId: number | null; actor: Actor },
): Promise<UnitRow> {
  assertAllowed(can.manageUnits(input.actor));
  return unitWrite(db, async (trx, named) => {
    await lockUnitTree(trx);
    const unit = await getUnit(trx, { unitId: input.unitId, actor: input.actor });
    named.name = unit.name;
    if (unit.version !== input.version) throw new AppError('version_conflict', { object: 'unit' });
    const target = input.parentId === null ? null : await requireActiveUnit(trx, input.parentId, 'parentId');
    if (isMoveIntoOwnSubtree(unit.path, target?.path ?? null)) throw new AppError('unit_move_cycle', {}, 'parentId');
    if ((target?.id ?? null) !== unit.parent_id) await assertNameFree(trx, target?.id ?? null, unit.name, unit.id);
    // Tasks copy their units' paths (for subtree filters and leaders' scopes): move those too.
    await rewriteUnitPathsInTasks(trx, unit.path, `${target?.path ?? '/'}${unit.id}/`);
    const moved = await moveSubtree(trx, unit, target, nowIso());
    if (!moved) return conflictOrMissing(trx, unit.id);
    await insertAuditEntry(trx, input.actor, {
      action: 'unit.move',
      objectType: 'unit',
      objectId: unit.id,
      detail: { fromParentId: unit.parent_id, toParentId: target?.id ?? null },
    });
    return moved;
  });
}

/** Archives a unit (kept for history, hidden from pickers); refused while it has active sub-units. */
export async function archiveUnit(db: Database, input: { unitId: number; version: number; actor: Actor }) {
  assertAllowed(can.manageUnits(input.actor));
  return inTransaction(db, async (trx) => {
    const unit = await getUnit(trx, { unitId: input.unitId, actor: input.actor });
    if (unit.archived_at) return unit;
    if ((await countActiveChildren(trx, unit.id)) > 0) throw new AppError('unit_has_active_children');
    const now = nowIso();
    const updated = await updateUnitRow(trx, unit.id, input.version, { archived_at: now, updated_at: now });
    if (!updated) return conflictOrMissing(trx, unit.id);
    await insertAuditEntry(trx, input.actor, { action: 'unit.archive', objectType: 'unit', objectId: unit.id });
    return updated;
  });
}

/** Brings an archived unit back; its parent must be active and its name free among siblings. */
export async function restoreUnit(db: Database, input: { unitId: number; version: number; actor: Actor }) {
  assertAllowed(can.manageUnits(input.actor));
  return unitWrite(db, async (trx, named) => {
    const unit = await getUnit(trx, { unitId: input.unitId, actor: input.actor });
    named.name = unit.name;
    if (!unit.archived_at) return unit;
    if (unit.parent_id !== null) await requireActiveUnit(trx, unit.parent_id, 'parentId');
    await assertNameFree(trx, unit.parent_id, unit.name, unit.id);
    const updated = await updateUnitRow(trx, unit.id, input.version, { archived_at: null, updated_at: nowIso() });
    if (!updated) return conflictOrMissing(trx, unit.id);
    await insertAuditEntry(trx, input.actor, { action: 'unit.restore', objectType: 'unit', objectId: unit.id });
    return updated;
  });
}
