import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { FileTable } from '../db/schema-files.js';

export type FileRow = Selectable<FileTable>;

/** A file row with its uploader's and unit's names and whether a submitted subject uses it. */
export interface FileListRow extends FileRow {
  uploader_name: string | null;
  unit_name: string | null;
  locked: number;
}

/** Rows per `IN (…)` list, well under SQLite's limit on bound parameters. */
const IN_CHUNK = 500;

/** Splits an id list for `IN (…)` clauses. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

export function findFileRow(db: Executor, id: number): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertFileRow(db: Executor, values: Omit<FileRow, 'id'>): Promise<FileRow> {
  return db.insertInto('files').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * A task's live files, newest first, each with its uploader, unit and whether any locked evidence
 * link holds it (files_task_idx; the lock test is a primary-key prefix seek on evidence_links).
 * With `fileId`, just that file.
 */
export function listTaskFileRows(db: Executor, filter: { taskId?: number; fileId?: number }): Promise<FileListRow[]> {
  let query = db
    .selectFrom('files')
    .leftJoin('users', 'users.id', 'files.uploaded_by')
    .leftJoin('units', 'units.id', 'files.unit_id')
    .selectAll('files')
    .select(['users.display_name as uploader_name', 'units.name as unit_name'])
    .select((eb) =>
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('evidence_links')
              .select('evidence_links.file_id')
              .whereRef('evidence_links.file_id', '=', 'files.id')
              .where('evidence_links.locked', '=', 1),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('locked'),
    )
    .where('files.deleted_at', 'is', null);
  if (filter.taskId !== undefined) query = query.where('files.task_id', '=', filter.taskId);
  if (filter.fileId !== undefined) query = query.where('files.id', '=', filter.fileId);
  return query.orderBy('files.id', 'desc').execute() as Promise<FileListRow[]>;
}

/**
 * Marks a file deleted, first taking its row lock (PostgreSQL), so that attaching it as evidence or
 * locking its links waits for this transaction. Undefined when it was deleted already.
 */
export function softDeleteFileRow(db: Executor, id: number, at: string): Promise<FileRow | undefined> {
  return db
    .updateTable('files')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** How many live (not deleted) rows use a blob (files_sha256_idx). */
export async function countLiveBlobRows(db: Executor, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', '=', sha256)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes the row locks of live files (a write that changes nothing; SQLite's BEGIN IMMEDIATE
 * already admits one writer) and returns the ids that are live: a concurrent delete either has
 * committed (the file is not returned) or waits for this transaction.
 */
export async function lockLiveFileRows(db: Executor, ids: readonly number[]): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db
        .updateTable('files')
        .set((eb) => ({ deleted_at: eb.ref('deleted_at') }))
        .where('id', 'in', part)
        .where('deleted_at', 'is', null)
        .returningAll()
        .execute()),
    );
  }
  return rows;
}

/** Files (live or not) by id, to tell a deleted or foreign file from a missing one. */
export async function findFileRows(db: Executor, ids: readonly number[]): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('files').selectAll().where('id', 'in', part).execute()));
  }
  return rows;
}

/** Whether any submitted subject holds this file as evidence. */
export async function hasLockedLink(db: Executor, fileId: number): Promise<boolean> {
  const row = await db
    .selectFrom('evidence_links')
    .select('file_id')
    .where('file_id', '=', fileId)
    .where('locked', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Drops the unlocked links of a file (a deleted file is evidence of no draft). */
export async function deleteUnlockedLinksOfFile(db: Executor, fileId: number): Promise<void> {
  await db.deleteFrom('evidence_links').where('file_id', '=', fileId).where('locked', '=', 0).execute();
}
