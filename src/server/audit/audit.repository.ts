import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit entry; call it inside the transaction that makes the change it records. */
export async function insertAuditEntry(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_user_id: actor.userId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId === null ? null : String(entry.objectId),
      detail: JSON.stringify({ ...(entry.detail ?? {}), ...(actor.via === 'system' ? { by: actor.username } : {}) }),
      ip: actor.ip,
      request_id: actor.requestId,
    })
    .execute();
}
