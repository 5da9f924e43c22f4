import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** One uploaded file of a task (migration 0007); the bytes are a blob named by `sha256`. */
export interface FileTable {
  id: Generated<number>;
  task_id: number;
  /** Lower-case hex SHA-256 of the content: the blob's name in the file store. */
  sha256: string;
  size_bytes: number;
  /** The canonical type for the extension, checked against the content (src/domain/file-types.ts). */
  content_type: string;
  /** The sanitised name the uploader gave it. */
  original_name: string;
  uploaded_by: number | null;
  /** The unit the uploader acted for; null for the supervision office and the system. */
  unit_id: number | null;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** A file used as evidence by a report, plan milestone, closure application… (migration 0007). */
export interface EvidenceLinkTable {
  file_id: number;
  /** `report`, `plan_milestone`, `closure`, … */
  subject_type: string;
  subject_id: number;
  /** 1 once the subject has been submitted: the file can no longer be deleted. */
  locked: number;
}

/** Tables added by the files feature. */
export interface FileTables {
  files: FileTable;
  evidence_links: EvidenceLinkTable;
}
