import { isPreviewable } from '../../domain/file-types.js';
import type { FileView, TaskFile } from '../../shared/files-api.js';
import type { FileListRow, FileRow } from './files.repository.js';

/** A file as other features show it (the evidence of a report, a milestone, a closure…). */
export function toFileView(row: FileRow & { uploader_name: string | null }): FileView {
  return {
    id: row.id,
    name: row.original_name,
    sizeBytes: Number(row.size_bytes),
    contentType: row.content_type,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    uploadedBy: row.uploaded_by === null ? null : { id: row.uploaded_by, displayName: row.uploader_name ?? '' },
  };
}

/** A file in its task's list. */
export function presentTaskFile(row: FileListRow): TaskFile {
  return {
    ...toFileView(row),
    taskId: row.task_id,
    unit: row.unit_id === null ? null : { id: row.unit_id, name: row.unit_name ?? '' },
    inUse: Number(row.locked) === 1,
    previewable: isPreviewable(row.content_type),
  };
}
