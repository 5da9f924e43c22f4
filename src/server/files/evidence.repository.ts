import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { EvidenceLinkTable } from '../db/schema-files.js';
import { chunks, type FileRow, lockLiveFileRows } from './files.repository.js';

// The links that make files the evidence of reports, plan milestones and closure applications.

export type EvidenceLinkRow = Selectable<EvidenceLinkTable>;

/** The links of one subject (evidence_links_subject_idx). */
export function listSubjectLinks(db: Executor, subjectType: string, subjectId: number): Promise<EvidenceLinkRow[]> {
  return db
    .selectFrom('evidence_links')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .execute();
}

export async function deleteSubjectLinks(
  db: Executor,
  subjectType: string,
  subjectId: number,
  fileIds: readonly number[],
): Promise<void> {
  for (const part of chunks(fileIds)) {
    await db
      .deleteFrom('evidence_links')
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('file_id', 'in', part)
      .where('locked', '=', 0)
      .execute();
  }
}

export async function insertSubjectLinks(
  db: Executor,
  subjectType: string,
  subjectId: number,
  fileIds: readonly number[],
): Promise<void> {
  for (const part of chunks(fileIds)) {
    await db
      .insertInto('evidence_links')
      .values(part.map((fileId) => ({ file_id: fileId, subject_type: subjectType, subject_id: subjectId, locked: 0 })))
      .onConflict((oc) => oc.columns(['file_id', 'subject_type', 'subject_id']).doNothing())
      .execute();
  }
}

/**
 * Locks a subject's links, first taking the row locks of their files so that a concurrent delete
 * of one of them either finished before (its link is gone) or sees the lock and refuses.
 */
export async function lockSubjectLinks(db: Executor, subjectType: string, subjectId: number): Promise<void> {
  const links = await listSubjectLinks(db, subjectType, subjectId);
  if (links.length === 0) return;
  await lockLiveFileRows(
    db,
    links.map((link) => link.file_id),
  );
  await db
    .updateTable('evidence_links')
    .set({ locked: 1 })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .execute();
}

/** The live files linked to some subjects, with their uploaders, in upload order. */
export async function listSubjectFileRows(
  db: Executor,
  subjectType: string,
  subjectIds: readonly number[],
): Promise<Array<FileRow & { subject_id: number; uploader_name: string | null }>> {
  const rows: Array<FileRow & { subject_id: number; uploader_name: string | null }> = [];
  for (const part of chunks([...new Set(subjectIds)])) {
    rows.push(
      ...(await db
        .selectFrom('evidence_links')
        .innerJoin('files', 'files.id', 'evidence_links.file_id')
        .leftJoin('users', 'users.id', 'files.uploaded_by')
        .selectAll('files')
        .select(['evidence_links.subject_id', 'users.display_name as uploader_name'])
        .where('evidence_links.subject_type', '=', subjectType)
        .where('evidence_links.subject_id', 'in', part)
        .where('files.deleted_at', 'is', null)
        .orderBy('files.id')
        .execute()),
    );
  }
  return rows;
}
