/** The head of the audit hash chain: exactly one row (id 1), locked by every writer (migration 0003). */
export interface AuditHeadTable {
  id: number;
  /** seq of the newest entry (0 while the trail is empty). */
  seq: number;
  /** hash of the newest entry (64 zeros while the trail is empty). */
  hash: string;
}

/** Tables added by the audit feature. */
export interface AuditChainTables {
  audit_head: AuditHeadTable;
}
