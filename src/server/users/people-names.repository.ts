import type { Executor } from '../db/connect.js';

/**
 * Display names of people by id, for presenting who did what (nulls and repeats are ignored;
 * deactivated people keep their names: history stays readable).
 */
export async function personNames(db: Executor, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
