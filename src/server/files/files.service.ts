import { Readable } from 'node:stream';
import { checkFileType, SNIFF_BYTES, sanitiseFileName } from '../../domain/file-types.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { requireVisibleTask } from '../tasks/task-access.js';
import { recordTaskChange } from '../tasks/task-history.js';
import { withBlobLock } from './blob-lock.js';
import { getFileSettings } from './file-settings.service.js';
import type { FileStore, StagedBlob } from './file-store.js';
import {
  countLiveBlobRows,
  deleteUnlockedLinksOfFile,
  type FileListRow,
  type FileRow,
  findFileRow,
  hasLockedLink,
  insertFileRow,
  listTaskFileRows,
  softDeleteFileRow,
} from './files.repository.js';

/** What the file services need: the database and where the bytes go. */
export interface FileDeps {
  db: Database;
  store: FileStore;
}

/** A file arriving in a request: the name the client gave and its bytes, not yet read. */
export interface IncomingFile {
  name: string;
  stream: Readable;
}

/**
 * Reads the first `bytes` bytes of a stream (fewer if it is shorter) and gives them back with a
 * stream that still yields the whole content, so the type can be checked before anything is
 * written anywhere.
 */
async function peekHead(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* whole(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head: head.subarray(0, bytes), stream: Readable.from(whole(), { objectMode: false }) };
}

/** Removes a blob once no live row uses it any more (after a delete). */
async function collectBlob(deps: FileDeps, sha256: string): Promise<void> {
  await withBlobLock(sha256, async () => {
    if ((await countLiveBlobRows(deps.db, sha256)) === 0) await deps.store.remove(sha256);
  });
}

/** A task's live files, newest first; 404 unless the caller can see the task. */
export async function listTaskFiles(db: Database, input: { taskId: number; actor: Actor }): Promise<FileListRow[]> {
  await requireVisibleTask(db, input.actor, input.taskId);
  return listTaskFileRows(db, { taskId: input.taskId });
}

/**
 * Stores an evidence file for a task. The caller must see the task and act for its lead or a
 * cooperating unit, or supervise. Access and the size limit are settled before the body is read
 * (`receive` reads the request up to the file part); the type is checked on the first bytes
 * (415, nothing written), the size while streaming (413, nothing left). The row, its timeline entry
 * and audit entry are one transaction; the content becomes visible once it has committed, and is
 * dropped if it fails.
 */
export async function uploadTaskFile(
  deps: FileDeps,
  input: { taskId: number; actor: Actor; receive: (maxBytes: number) => Promise<IncomingFile> },
): Promise<FileListRow> {
  const { db, store } = deps;
  const { actor, taskId } = input;
  const { relations } = await requireVisibleTask(db, actor, taskId);
  assertAllowed(can.uploadTaskFiles(relations));
  const { maxBytes } = await getFileSettings(db);
  const incoming = await input.receive(maxBytes);
  const name = sanitiseFileName(incoming.name);
  let blob: StagedBlob;
  let contentType: string;
  try {
    const { head, stream } = await peekHead(incoming.stream, SNIFF_BYTES);
    const type = checkFileType(name, head);
    if (!type.ok) throw new AppError('file_type_not_allowed', { name }, 'file');
    contentType = type.contentType;
    blob = await store.stage(stream, { maxBytes });
  } catch (error) {
    incoming.stream.destroy();
    throw error;
  }
  const forUnit = relations.includes('lead_unit') || relations.includes('cooperating_unit');
  let row: FileRow;
  try {
    row = await inTransaction(db, async (trx) => {
      const at = nowIso();
      const inserted = await insertFileRow(trx, {
        task_id: taskId,
        sha256: blob.sha256,
        size_bytes: blob.sizeBytes,
        content_type: contentType,
        original_name: name,
        uploaded_by: actor.userId,
        unit_id: forUnit ? actor.unitId : null,
        uploaded_at: at,
        deleted_at: null,
      });
      await recordTaskChange(trx, actor, {
        taskId,
        action: 'file_uploaded',
        at,
        detail: { fileId: inserted.id, name, sizeBytes: blob.sizeBytes, contentType, sha256: blob.sha256 },
      });
      return inserted;
    });
  } catch (error) {
    await blob.discard();
    throw error;
  }
  // The row is committed before the blob is placed, under the same lock as the removal of unused
  // blobs: a removal either ran before (and the blob is placed again now) or sees this row.
  await withBlobLock(blob.sha256, () => blob.commit());
  const [listed] = await listTaskFileRows(db, { fileId: row.id });
  if (!listed) throw new Error(`file ${row.id} vanished after its upload`);
  return listed;
}

/** A live file the caller may see (its task is visible to them), else 404. */
async function requireVisibleFile(db: Database, actor: Actor, fileId: number): Promise<FileRow> {
  const file = await findFileRow(db, fileId);
  if (!file || file.deleted_at !== null) throw new AppError('not_found', { object: 'file' });
  await requireVisibleTask(db, actor, file.task_id);
  return file;
}

/** A file's row and content for download; 404 unless the caller can see the file's task. */
export async function openTaskFile(
  deps: FileDeps,
  input: { fileId: number; actor: Actor },
): Promise<{ file: FileRow; content: Readable }> {
  const file = await requireVisibleFile(deps.db, input.actor, input.fileId);
  const content = await deps.store.open(file.sha256);
  if (!content) throw new Error(`the content of file ${file.id} (${file.sha256}) is missing from the file store`);
  return { file, content };
}

/**
 * Deletes a file (soft: the row stays for the record) for its uploader, the head of the unit it
 * was uploaded for, or the supervision office. Evidence of something submitted is refused with 409
 * `file_in_use`; deleting a deleted file changes nothing. The blob goes once no live row uses it.
 */
export async function deleteTaskFile(deps: FileDeps, input: { fileId: number; actor: Actor }): Promise<void> {
  const { db } = deps;
  const { actor, fileId } = input;
  const file = await findFileRow(db, fileId);
  if (!file) throw new AppError('not_found', { object: 'file' });
  const { relations } = await requireVisibleTask(db, actor, file.task_id);
  assertAllowed(can.deleteTaskFile(actor, relations, { uploadedBy: file.uploaded_by, unitId: file.unit_id }));
  if (file.deleted_at !== null) return;
  const deleted = await inTransaction(db, async (trx) => {
    const at = nowIso();
    const row = await softDeleteFileRow(trx, fileId, at);
    if (!row) return undefined;
    if (await hasLockedLink(trx, fileId)) throw new AppError('file_in_use', { name: row.original_name });
    await deleteUnlockedLinksOfFile(trx, fileId);
    await recordTaskChange(trx, actor, {
      taskId: row.task_id,
      action: 'file_deleted',
      at,
      detail: { fileId, name: row.original_name, sha256: row.sha256 },
    });
    return row;
  });
  if (deleted) await collectBlob(deps, deleted.sha256);
}
