import { diffChanges } from '../../domain/field-diff.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { assertAllowed, can } from '../policy.js';
import {
  countSourceTasks,
  deleteSourceRow,
  findSourceRow,
  insertSourceRow,
  listSourceRows,
  type SourceListRow,
  type SourceRow,
  updateSourceRow,
} from './sources.repository.js';

export interface SourceFields {
  kind?: string | undefined;
  title?: string | undefined;
  docNumber?: string | null | undefined;
  issuer?: string | null | undefined;
  issuedOn?: string | null | undefined;
  fullText?: string | null | undefined;
}

function clean(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

function toColumns(fields: SourceFields) {
  const columns: Partial<Omit<SourceRow, 'id'>> = {};
  if (fields.kind !== undefined) columns.kind = fields.kind;
  if (fields.title !== undefined) columns.title = fields.title.trim();
  if (fields.docNumber !== undefined) columns.doc_number = clean(fields.docNumber) ?? null;
  if (fields.issuer !== undefined) columns.issuer = clean(fields.issuer) ?? null;
  if (fields.issuedOn !== undefined) columns.issued_on = fields.issuedOn;
  if (fields.fullText !== undefined) columns.full_text = fields.fullText?.trim() ? fields.fullText : null;
  return columns;
}

/** A page of sources; any signed-in person may read them (a document's existence is not scoped). */
export async function listSources(
  db: Database,
  input: {
    q?: string | undefined;
    kind?: string | undefined;
    cursor?: string | undefined;
    limit: number;
    actor: Actor;
  },
): Promise<{ items: SourceListRow[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  const rows = await listSourceRows(db, {
    q: input.q?.trim() || undefined,
    kind: input.kind,
    ...(after ? { after: { updatedAt: String(after[0]), id: Number(after[1]) } } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.updated_at, last.id]) : null,
  };
}

/** One source with its full text and task count, or 404. */
export async function getSource(db: Database, { sourceId }: { sourceId: number; actor: Actor }) {
  const row = await findSourceRow(db, sourceId);
  if (!row) throw new AppError('not_found', { object: 'source' });
  return { row, taskCount: await countSourceTasks(db, sourceId) };
}

/** Registers a source (decision, meeting, instruction, document…). */
export async function createSource(
  db: Database,
  input: SourceFields & { kind: string; title: string; actor: Actor },
): Promise<SourceRow> {
  assertAllowed(can.manageSources(input.actor));
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const row = await insertSourceRow(trx, {
      kind: input.kind,
      title: input.title.trim(),
      doc_number: null,
      issuer: null,
      issued_on: null,
      full_text: null,
      ...toColumns(input),
      created_by: input.actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await insertAuditEntry(trx, input.actor, {
      action: 'source.create',
      objectType: 'source',
      objectId: row.id,
      detail: { title: row.title, docNumber: row.doc_number },
    });
    return row;
  });
}

/** Edits a source if nobody changed it meanwhile. */
export async function updateSource(
  db: Database,
  input: SourceFields & { sourceId: number; version: number; actor: Actor },
): Promise<SourceRow> {
  assertAllowed(can.manageSources(input.actor));
  return inTransaction(db, async (trx) => {
    const current = await findSourceRow(trx, input.sourceId);
    if (!current) throw new AppError('not_found', { object: 'source' });
    const changes = toColumns(input);
    const updated = await updateSourceRow(trx, input.sourceId, input.version, { ...changes, updated_at: nowIso() });
    if (!updated) throw new AppError('version_conflict', { object: 'source' });
    const { full_text: _text, ...logged } = changes;
    await insertAuditEntry(trx, input.actor, {
      action: 'source.update',
      objectType: 'source',
      objectId: input.sourceId,
      ...diffChanges(current, logged),
      detail: { fullTextChanged: changes.full_text !== undefined },
    });
    return updated;
  });
}

/** Deletes a source that no task uses; one in use is a 409 naming how many tasks use it. */
export async function deleteSource(db: Database, input: { sourceId: number; actor: Actor }): Promise<void> {
  assertAllowed(can.manageSources(input.actor));
  await inTransaction(db, async (trx) => {
    const current = await findSourceRow(trx, input.sourceId);
    if (!current) throw new AppError('not_found', { object: 'source' });
    const count = await countSourceTasks(trx, input.sourceId);
    if (count > 0) throw new AppError('source_in_use', { count });
    await deleteSourceRow(trx, input.sourceId);
    await insertAuditEntry(trx, input.actor, {
      action: 'source.delete',
      objectType: 'source',
      objectId: input.sourceId,
      detail: { title: current.title },
    });
  });
}
