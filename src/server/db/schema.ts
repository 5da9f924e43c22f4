import type { ColumnType, Generated } from 'kysely';

/** Timestamps travel as ISO-8601 UTC strings on both dialects (pg's parser is set to match). */
type Timestamp = string;
type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;
type UpdatedAt = ColumnType<Timestamp, Timestamp | undefined, Timestamp>;

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  /** JSON array of strings. */
  aliases: string;
  /** Materialised path of ids, e.g. `/1/7/42/`; a subtree is a prefix range. */
  path: string;
  depth: number;
  sort_order: number;
  archived_at: Timestamp | null;
  version: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number | null;
  password_hash: string;
  email: string | null;
  phone: string | null;
  deactivated_at: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  version: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface LeaderUnitTable {
  user_id: number;
  unit_id: number;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  /** JSON object. */
  detail: string;
  ip: string | null;
  request_id: string | null;
}

/** Named rows that transactions lock to serialise rare structural changes (e.g. `unit_tree`). */
export interface MutexTable {
  name: string;
}

/** The whole database as Kysely sees it. */
export interface DB {
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  leader_units: LeaderUnitTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  mutexes: MutexTable;
}
