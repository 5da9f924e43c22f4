import type { Role } from '../../shared/roles.js';

/** Who is acting: a signed-in person (by session or API token), or the system itself (CLI, jobs). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  unitId: number | null;
  roles: ReadonlySet<Role>;
  unitsInCharge: readonly number[];
  via: 'session' | 'token' | 'system';
  /** Hash of the session id when signed in by cookie, so "end other sessions" can keep this one. */
  sessionIdHash?: string;
  ip: string | null;
  requestId: string | null;
}

/** The actor used by the CLI and background jobs: every permission, recorded as "system" in the audit log. */
export function systemActor(label = 'system'): Actor {
  return {
    userId: null,
    username: label,
    displayName: label,
    unitId: null,
    roles: new Set<Role>(['admin']),
    unitsInCharge: [],
    via: 'system',
    ip: null,
    requestId: null,
  };
}
