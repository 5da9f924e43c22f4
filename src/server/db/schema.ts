import type { ColumnType, Generated } from 'kysely';

import type { AssessmentTables } from './schema-assessment.js';
import type { AuditChainTables } from './schema-audit.js';
import type { CalendarTables } from './schema-calendar.js';
import type { ClosureTables } from './schema-closure.js';
import type { CockpitTables } from './schema-cockpit.js';
import type { FileTables } from './schema-files.js';
import type { PlanTables } from './schema-plans.js';
import type { PublicTables } from './schema-public.js';
import type { ReportTables } from './schema-reports.js';
import type { StatusReportTables } from './schema-status-reports.js';
import type { SupervisionTables } from './schema-supervision.js';
import type { TaskTables } from './schema-tasks.js';

/** Timestamps travel as ISO-8601 UTC strings on both dialects (pg's parser is set to match). */
export type Timestamp = string;
export type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;
export type UpdatedAt = ColumnType<Timestamp, Timestamp | undefined, Timestamp>;

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
  /** Place in the hash chain: 1, 2, 3… with no gaps (migration 0003). */
  seq: number;
  /** `hash` of the entry with seq − 1; 64 zeros for entry 1. */
  prev_hash: string;
  /** SHA-256 of the entry's canonical form (src/domain/audit-chain.ts). */
  hash: string;
  /** JSON object: the changed fields' old values, or null. */
  before: string | null;
  /** JSON object: the changed fields' new values, or null. */
  after: string | null;
}

/** Named rows that transactions lock to serialise rare structural changes (e.g. `unit_tree`). */
export interface MutexTable {
  name: string;
}

/** The foundation's tables (organisation, identity, audit log). */
export interface FoundationTables {
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

/** The whole database as Kysely sees it: each feature declares its tables in its own schema file. */
export interface DB
  extends FoundationTables,
    AuditChainTables,
    TaskTables,
    CalendarTables,
    ClosureTables,
    PlanTables,
    FileTables,
    ReportTables,
    SupervisionTables,
    AssessmentTables,
    CockpitTables,
    PublicTables,
    StatusReportTables {}
