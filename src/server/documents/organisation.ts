import { DEFAULT_LOCALE, type Locale } from '../../shared/locales.js';
import type { Executor } from '../db/connect.js';

/** Who issues official documents, as their letterhead names it. */
export interface Organisation {
  /** The organisation's name (the only top-level unit's), or null when the tree has none or several. */
  name: string | null;
  /** The language its documents are written in. */
  locale: Locale;
}

/**
 * The organisation as a whole: the name of the unit tree's root when there is exactly one active
 * root (a city government, a company), so a letterhead reads "市人民政府督查督办单"; with no or
 * several roots no name is guessed. Documents are written in the default language (zh-CN): Luoshi
 * has no organisation-language setting yet.
 */
export async function findOrganisation(db: Executor): Promise<Organisation> {
  const roots = await db
    .selectFrom('units')
    .select('name')
    .where('parent_id', 'is', null)
    .where('archived_at', 'is', null)
    .limit(2)
    .execute();
  const only = roots.length === 1 ? roots[0] : undefined;
  return { name: only ? only.name.trim() || null : null, locale: DEFAULT_LOCALE };
}

/**
 * The organisation each issuer signs for: the root of the unit tree their own unit is in (a
 * supervisor of 江川市人民政府督查室 issues for 江川市人民政府, even when the tree has other roots).
 * People without a unit are left out; callers fall back to `findOrganisation`.
 */
export async function issuerOrganisations(db: Executor, userIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id as user_id', 'units.path'])
    .where('users.id', 'in', ids)
    .execute();
  const rootOf = new Map(rows.map((row) => [row.user_id, Number(row.path.split('/')[1])]));
  const roots = [...new Set(rootOf.values())].filter(Number.isInteger);
  if (roots.length === 0) return new Map();
  const names = new Map(
    (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', roots).execute()).map((u) => [u.id, u.name]),
  );
  const out = new Map<number, string>();
  for (const [userId, rootId] of rootOf) {
    const name = names.get(rootId)?.trim();
    if (name) out.set(userId, name);
  }
  return out;
}
