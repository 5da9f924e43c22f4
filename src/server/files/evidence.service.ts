import type { FileView } from '../../shared/files-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import {
  deleteSubjectLinks,
  insertSubjectLinks,
  listSubjectFileRows,
  listSubjectLinks,
  lockSubjectLinks,
} from './evidence.repository.js';
import { toFileView } from './files.presenter.js';
import { lockLiveFileRows } from './files.repository.js';

// Evidence: the task's files that a report, a plan milestone or a closure application points to.
// Other features call these inside their own transactions; they check who may edit the subject,
// these functions check the files. A link is locked once its subject is submitted, and a file with
// a locked link cannot be deleted (409 file_in_use), so what was submitted stays downloadable.

export type { FileView } from '../../shared/files-api.js';

/**
 * Makes `fileIds` the evidence of a subject: each must be a live file of `taskId` (else 422
 * `evidence_file_not_found` or `evidence_file_other_task`, and nothing changes). The subject's
 * unlocked links to other files are dropped; locked links stay whatever the new set says, because
 * they are part of something already submitted. The files' row locks are taken, so a concurrent
 * delete of one of them either finished first (refused here) or waits and then sees the link.
 * `actor` is who edits the subject; the calling service has checked they may.
 */
export async function attachEvidence(
  trx: Executor,
  input: { taskId: number; fileIds: readonly number[]; subjectType: string; subjectId: number; actor: Actor },
): Promise<void> {
  const { subjectType, subjectId } = input;
  const wanted = [...new Set(input.fileIds)];
  const live = new Map((await lockLiveFileRows(trx, wanted)).map((row) => [row.id, row]));
  for (const id of wanted) {
    const file = live.get(id);
    if (!file) throw new AppError('evidence_file_not_found', { id }, 'fileIds');
    if (file.task_id !== input.taskId) {
      throw new AppError('evidence_file_other_task', { id, name: file.original_name }, 'fileIds');
    }
  }
  const current = await listSubjectLinks(trx, subjectType, subjectId);
  const kept = new Set(wanted);
  const dropped = current.filter((link) => Number(link.locked) === 0 && !kept.has(link.file_id));
  await deleteSubjectLinks(
    trx,
    subjectType,
    subjectId,
    dropped.map((link) => link.file_id),
  );
  const linked = new Set(current.map((link) => link.file_id));
  await insertSubjectLinks(
    trx,
    subjectType,
    subjectId,
    wanted.filter((id) => !linked.has(id)),
  );
}

/** Locks a subject's evidence when it is submitted: its files can no longer be deleted. */
export async function lockEvidence(trx: Executor, subjectType: string, subjectId: number): Promise<void> {
  await lockSubjectLinks(trx, subjectType, subjectId);
}

/**
 * The live evidence files of some subjects of one type, in upload order: one entry per requested
 * id (an empty list when it has none). One query per 500 subjects.
 */
export async function evidenceOf(
  db: Executor,
  subjectType: string,
  subjectIds: readonly number[],
): Promise<Map<number, FileView[]>> {
  const result = new Map<number, FileView[]>(subjectIds.map((id) => [id, []]));
  for (const row of await listSubjectFileRows(db, subjectType, subjectIds)) {
    result.get(row.subject_id)?.push(toFileView(row));
  }
  return result;
}
