import type { Kysely } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';
import type { GenPerson, GenUnit, GenUnitKind } from './gen-organisation.js';
import type { GenLeaderUnitRow, GenUnitRow, GenUserRoleRow, GenUserRow } from './gen-tables.js';

// Reading back an organisation generated earlier (so `luoshi gen --force` regenerates the tasks
// over the same units and people), and the rows that store a new one.

/** The root unit of a generated organisation, found by its name among top-level units. */
export async function findGeneratedRoot(
  db: Kysely<DB>,
  name: string,
): Promise<{ id: number; path: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .where('name', '=', name)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

function kindOf(unit: { depth: number; name: string }, parentKind: GenUnitKind | undefined): GenUnitKind {
  if (unit.depth === 0) return 'city';
  if (unit.depth === 1) return unit.name.startsWith('市') ? 'bureau' : 'district';
  if (parentKind === 'district') return 'district_unit';
  return /社区\d*$/.test(unit.name) ? 'community' : 'section';
}

/** The units under a generated root and the people in them, with roles and units in charge. */
export async function loadGeneratedOrganisation(
  db: Kysely<DB>,
  rootPath: string,
): Promise<{ units: GenUnit[]; people: GenPerson[] }> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'path', 'depth', 'sort_order'])
    .where('path', 'like', `${rootPath}%`)
    .where('archived_at', 'is', null)
    .orderBy('depth')
    .orderBy('id')
    .execute();
  const kinds = new Map<number, GenUnitKind>();
  const units = rows.map((row) => {
    const kind = kindOf(row, row.parent_id === null ? undefined : kinds.get(row.parent_id));
    kinds.set(row.id, kind);
    return {
      id: row.id,
      parentId: row.parent_id,
      name: row.name,
      path: row.path,
      depth: row.depth,
      sortOrder: row.sort_order,
      kind,
    };
  });
  const users = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.unit_id', 'user_roles.role'])
    .where('users.unit_id', 'in', units.length ? units.map((u) => u.id) : [0])
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.id')
    .execute();
  const charges = await db
    .selectFrom('leader_units')
    .select(['user_id', 'unit_id'])
    .where('user_id', 'in', users.length ? users.map((u) => u.id) : [0])
    .execute();
  const people = new Map<number, GenPerson>();
  for (const user of users) {
    if (people.has(user.id) || user.unit_id === null) continue;
    const inCharge = charges.filter((c) => c.user_id === user.id).map((c) => c.unit_id);
    people.set(user.id, {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      unitId: user.unit_id,
      role: user.role as Role,
      unitsInCharge: inCharge,
    });
  }
  return { units, people: [...people.values()] };
}

/** Rows for new units. */
export function unitRows(units: readonly GenUnit[], now: string): GenUnitRow[] {
  return units.map((u) => ({
    id: u.id,
    parent_id: u.parentId,
    name: u.name,
    short_name: null,
    aliases: '[]',
    path: u.path,
    depth: u.depth,
    sort_order: u.sortOrder,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
}

/** Rows for new people, all with the same (already hashed) password. */
export function peopleRows(
  people: readonly GenPerson[],
  passwordHash: string,
  now: string,
): { users: GenUserRow[]; roles: GenUserRoleRow[]; charges: GenLeaderUnitRow[] } {
  return {
    users: people.map((p) => ({
      id: p.id,
      username: p.username,
      display_name: p.displayName,
      unit_id: p.unitId,
      password_hash: passwordHash,
      email: null,
      phone: null,
      deactivated_at: null,
      last_login_at: null,
      password_changed_at: now,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
    roles: people.map((p) => ({ user_id: p.id, role: p.role })),
    charges: people.flatMap((p) => p.unitsInCharge.map((unitId) => ({ user_id: p.id, unit_id: unitId }))),
  };
}
