import type { AuditPage, AuditVerification } from '../../shared/audit-api.js';
import { apiRequest } from './http.js';

export type { AuditPage, AuditVerification } from '../../shared/audit-api.js';
export type { AuditEntryView as AuditEntry } from '../../shared/task-api.js';

/** GET /audit filters, as the API names them; unset values are left out of the query string. */
export interface AuditFilters {
  actorId?: number;
  /** An action or its prefix (`unit.`). */
  action?: string;
  objectType?: string;
  objectId?: string;
  /** ISO instants: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
}

/** One page of the audit trail, newest first; pass `nextCursor` back for the next page. */
export function listAuditEntries(
  filters: AuditFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest('/audit', { query: { ...filters }, signal });
}

/** Walks the hash chain on the server and reports the first bad entry, if any. */
export function verifyAuditChain(): Promise<AuditVerification> {
  return apiRequest('/audit/verify');
}
