import type { Selectable } from 'kysely';
import type { LeaderUnitTable, UnitTable, UserRoleTable, UserTable } from '../db/schema.js';
import type { SourceTable } from '../db/schema-tasks.js';
import type { TableSpec } from './gen-bulk.repository.js';
import type { GenTaskEventRow, GenTaskRow, GenTaskUnitRow } from './gen-task-rows.js';

// The columns the generator writes, per table, with PostgreSQL's element type for unnest().

/** Rows as the generator writes them (every column explicit). */
export type GenUnitRow = Selectable<UnitTable>;
export type GenUserRow = Selectable<UserTable>;
export type GenUserRoleRow = Selectable<UserRoleTable>;
export type GenLeaderUnitRow = Selectable<LeaderUnitTable>;
export type GenSourceRow = Omit<Selectable<SourceTable>, 'content_hash'>;

const INT = 'int4';
const TEXT = 'text';
const REAL = 'float8';
const TS = 'timestamptz';

/** Column lists per table, in insert order, with PostgreSQL element types. */
export const UNITS: TableSpec<GenUnitRow> = {
  table: 'units',
  columns: [
    ['id', INT],
    ['parent_id', INT],
    ['name', TEXT],
    ['short_name', TEXT],
    ['aliases', TEXT],
    ['path', TEXT],
    ['depth', INT],
    ['sort_order', INT],
    ['archived_at', TS],
    ['version', INT],
    ['created_at', TS],
    ['updated_at', TS],
  ],
};

export const USERS: TableSpec<GenUserRow> = {
  table: 'users',
  columns: [
    ['id', INT],
    ['username', TEXT],
    ['display_name', TEXT],
    ['unit_id', INT],
    ['password_hash', TEXT],
    ['email', TEXT],
    ['phone', TEXT],
    ['deactivated_at', TS],
    ['last_login_at', TS],
    ['password_changed_at', TS],
    ['version', INT],
    ['created_at', TS],
    ['updated_at', TS],
  ],
};

export const USER_ROLES: TableSpec<GenUserRoleRow> = {
  table: 'user_roles',
  columns: [
    ['user_id', INT],
    ['role', TEXT],
  ],
};

export const LEADER_UNITS: TableSpec<GenLeaderUnitRow> = {
  table: 'leader_units',
  columns: [
    ['user_id', INT],
    ['unit_id', INT],
  ],
};

export const SOURCES: TableSpec<GenSourceRow> = {
  table: 'sources',
  columns: [
    ['id', INT],
    ['kind', TEXT],
    ['title', TEXT],
    ['doc_number', TEXT],
    ['issuer', TEXT],
    ['issued_on', TEXT],
    ['full_text', TEXT],
    ['created_by', INT],
    ['created_at', TS],
    ['updated_at', TS],
    ['version', INT],
  ],
};

export const TASKS: TableSpec<GenTaskRow> = {
  table: 'tasks',
  columns: [
    ['id', INT],
    ['parent_id', INT],
    ['path', TEXT],
    ['depth', INT],
    ['year', INT],
    ['seq', INT],
    ['number', TEXT],
    ['title', TEXT],
    ['description', TEXT],
    ['source_id', INT],
    ['category', TEXT],
    ['tags', TEXT],
    ['is_key', INT],
    ['priority', TEXT],
    ['is_public', INT],
    ['lead_unit_id', INT],
    ['lead_unit_path', TEXT],
    ['responsible_leader_id', INT],
    ['responsible_person_id', INT],
    ['start_date', TEXT],
    ['deadline', TEXT],
    ['original_deadline', TEXT],
    ['deadline_working_days', INT],
    ['weight', REAL],
    ['progress', REAL],
    ['child_count', INT],
    ['status', TEXT],
    ['suspended_from', TEXT],
    ['assigned_at', TS],
    ['closed_at', TS],
    ['closed_on', TEXT],
    ['created_by', INT],
    ['created_at', TS],
    ['updated_at', TS],
    ['version', INT],
  ],
};

export const TASK_UNITS: TableSpec<GenTaskUnitRow> = {
  table: 'task_units',
  columns: [
    ['task_id', INT],
    ['unit_id', INT],
    ['role', TEXT],
    ['unit_path', TEXT],
    ['part', TEXT],
    ['acknowledged_at', TS],
    ['acknowledged_by', INT],
    ['status', TEXT],
    ['deadline', TEXT],
    ['updated_at', TS],
  ],
};

export const TASK_EVENTS: TableSpec<GenTaskEventRow> = {
  table: 'task_events',
  columns: [
    ['task_id', INT],
    ['at', TS],
    ['actor_user_id', INT],
    ['action', TEXT],
    ['from_status', TEXT],
    ['to_status', TEXT],
    ['reason', TEXT],
  ],
};
