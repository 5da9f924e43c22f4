import type { AuditEntryView } from '../../shared/task-api.js';
import type { AuditRecord } from './audit.service.js';

/** The public shape of an audit entry: fields listed one by one. */
export function presentAuditEntry(record: AuditRecord): AuditEntryView {
  return {
    id: record.id,
    seq: record.seq,
    at: record.at,
    actor: record.actor && { id: record.actor.id, displayName: record.actor.displayName },
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    detail: record.detail,
    before: record.before,
    after: record.after,
    ip: record.ip,
    requestId: record.requestId,
    prevHash: record.prevHash,
    hash: record.hash,
  };
}
