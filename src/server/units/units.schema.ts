import { z } from 'zod';
import { LIMITS } from '../../shared/limits.js';
import { queryBoolean, text, versionField } from '../http/common.schema.js';

export { unitSchema } from '../../shared/api-schemas.js';

const aliases = z.array(z.string().max(LIMITS.unitAliasMax)).max(LIMITS.unitAliasesMax);
const parentId = z.number().int().positive().nullable();
const sortOrder = z.number().int().min(-1000000).max(1000000);

export const listUnitsQuery = z.strictObject({ includeArchived: queryBoolean.optional() });

export const createUnitBody = z.strictObject({
  name: text(LIMITS.unitNameMax),
  shortName: z.string().max(LIMITS.unitShortNameMax).nullable().optional(),
  aliases: aliases.optional(),
  parentId: parentId.optional(),
  sortOrder: sortOrder.optional(),
});

export const updateUnitBody = z.strictObject({
  version: versionField,
  name: text(LIMITS.unitNameMax).optional(),
  shortName: z.string().max(LIMITS.unitShortNameMax).nullable().optional(),
  aliases: aliases.optional(),
  sortOrder: sortOrder.optional(),
});

export const moveUnitBody = z.strictObject({ version: versionField, parentId });
export const versionBody = z.strictObject({ version: versionField });
