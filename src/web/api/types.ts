import type { Role } from '../../shared/roles.js';

/** The signed-in person, as `GET /me` answers. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  unitId: number | null;
  unitName: string | null;
  roles: Role[];
  unitsInChargeIds: number[];
}

/** A personal API token; the secret itself is only ever returned once, on creation. */
export interface Token {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: string;
  item: Token;
}

/** A node of the organisation tree, delivered flat; the client builds the tree by parentId. */
export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  aliases: string[];
  sortOrder: number;
  archived: boolean;
  depth: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A person with an account, as the admin sees them. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number | null;
  unitName: string | null;
  roles: Role[];
  active: boolean;
  unitsInChargeIds: number[];
  email: string | null;
  phone: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface Page<T> extends ItemList<T> {
  nextCursor: string | null;
}

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
}
