import type { z } from 'zod';
import type { UnitRow } from './units.repository.js';
import type { unitSchema } from './units.schema.js';

/** The public shape of a unit: fields listed one by one. */
export function presentUnit(row: UnitRow): z.infer<typeof unitSchema> {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    aliases: JSON.parse(row.aliases) as string[],
    sortOrder: row.sort_order,
    archived: row.archived_at !== null,
    depth: row.depth,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
