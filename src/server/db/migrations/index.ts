import type { Migration } from 'kysely';
import * as foundation from './2026_11_27_0001_foundation.js';
import * as unitIntegrity from './2026_11_27_0002_unit_integrity.js';

/**
 * Every migration, by name, in order. A static list (not a folder scan) so the Migrator works the
 * same under tsx, Vitest and compiled JavaScript.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_foundation': foundation,
  '2026_11_27_0002_unit_integrity': unitIntegrity,
};
