import type { Executor } from '../db/connect.js';

/** Units' names by id (archived units too: an old record keeps the name of the unit it named). */
export async function unitNames(db: Executor, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
