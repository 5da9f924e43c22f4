import { normaliseAliases } from '../../domain/unit-tree.js';
import { LIMITS } from '../../shared/limits.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findUnitRow, updateUnitRow } from '../units/units.repository.js';

// A unit name a person mapped by hand during an import is remembered as an alias of that unit, so
// the next document that writes it the same way matches by itself (issue 6 item 3). Written in the
// import's transaction, with a version bump and an audit entry like any edit of a unit.

/** One alias that was added. */
export interface AddedAlias {
  unitId: number;
  alias: string;
}

/**
 * Appends each written name to its unit's aliases, unless the unit already answers to it or holds
 * the most aliases a unit may have (the mapping still applied to this import). An unknown or
 * archived unit refuses the whole import, naming the mapping.
 */
export async function rememberAliases(
  trx: Executor,
  input: { aliases: ReadonlyArray<{ written: string; unitId: number }>; sourceId: number; actor: Actor },
): Promise<AddedAlias[]> {
  const added: AddedAlias[] = [];
  for (const [index, mapping] of input.aliases.entries()) {
    const field = `aliases.${index}.unitId`;
    const unit = await findUnitRow(trx, mapping.unitId);
    if (!unit) throw new AppError('unit_not_found', { id: mapping.unitId }, field);
    if (unit.archived_at) throw new AppError('unit_archived', { name: unit.name }, field);
    const alias = mapping.written.trim();
    const current = JSON.parse(unit.aliases) as string[];
    if (alias === unit.name || alias === unit.short_name || current.includes(alias)) continue;
    if (current.length >= LIMITS.unitAliasesMax || alias.length > LIMITS.unitAliasMax) continue;
    const aliases = normaliseAliases([...current, alias], unit.name);
    const updated = await updateUnitRow(trx, unit.id, unit.version, {
      aliases: JSON.stringify(aliases),
      updated_at: nowIso(),
    });
    if (!updated) throw new AppError('version_conflict', { object: 'unit' });
    await insertAuditEntry(trx, input.actor, {
      action: 'unit.update',
      objectType: 'unit',
      objectId: unit.id,
      before: { aliases: current },
      after: { aliases },
      detail: { aliasFromImport: alias, sourceId: input.sourceId },
    });
    added.push({ unitId: unit.id, alias });
  }
  return added;
}
