import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { normaliseText } from '../../domain/docparse/normalise.js';
import { parseDocument } from '../../domain/docparse/parse-document.js';
import type { NormalisedText, ParsedDocument, ParsedItem } from '../../domain/docparse/types.js';
import { matchUnitLists, type UnitMatch, type WrittenUnitList } from '../../domain/docparse/unit-match.js';
import type { CONVERT_OPTIONS, registerImportBody } from '../../shared/document-import-api.js';
import type { Locale } from '../../shared/locales.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Database, type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { insertSourceRow, type SourceRow } from '../sources/sources.repository.js';
import { taskClock } from '../tasks/task-clock.js';
import type { TaskDeps } from '../tasks/tasks.service.js';
import { listUnitRows } from '../units/units.repository.js';
import { findSourceByHash } from './document-import.repository.js';
import { type AddedAlias, rememberAliases } from './document-import-aliases.js';
import { assignAll, checkTreeSize, type ImportedTask, type WriteContext, writeItems } from './document-import-tree.js';
import { listImportKeys } from './import-keys.repository.js';

/** What the review screen needs: the normalised text, the parsed tree and how its unit names match. */
export interface DocumentPreview {
  normalised: NormalisedText;
  document: ParsedDocument;
  units: Map<string, UnitMatch>;
  contentHash: string;
  duplicateOf: SourceRow | undefined;
}

/** SHA-256 of the normalised text: the same document, pasted or uploaded again, has the same hash. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function unitListsOf(items: readonly ParsedItem[]): WrittenUnitList[] {
  return items.flatMap((item) => [
    { names: item.lead, expanded: item.expanded?.lead },
    { names: item.cooperating, expanded: item.expanded?.cooperating },
    ...unitListsOf(item.children),
  ]);
}

/** How each unit name of a parsed tree matches the active units (name, short name, alias, normalised, fuzzy). */
export async function matchDocumentUnits(db: Executor, items: readonly ParsedItem[]): Promise<Map<string, UnitMatch>> {
  const units = await listUnitRows(db, { includeArchived: false });
  const matchable = units.map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.short_name,
    aliases: JSON.parse(u.aliases) as string[],
  }));
  return matchUnitLists(matchable, unitListsOf(items));
}

/** Normalises and parses a document and matches its unit names; writes nothing (issue 6 items 1–3). */
export async function previewDocumentImport(
  db: Database,
  input: { text: string; year?: number | null | undefined; convert?: (typeof CONVERT_OPTIONS)[number]; actor: Actor },
): Promise<DocumentPreview> {
  assertAllowed(can.manageTasks(input.actor));
  const normalised = normaliseText(input.text, { convert: input.convert ?? 'none' });
  const document = parseDocument(normalised.text, input.year ? { year: input.year } : {});
  const contentHash = hashText(normalised.text);
  return {
    normalised,
    document,
    units: await matchDocumentUnits(db, document.items),
    contentHash,
    duplicateOf: await findSourceByHash(db, contentHash),
  };
}

async function createImportSource(trx: Executor, input: RegisterImportInput): Promise<SourceRow> {
  const now = nowIso();
  const { source } = input;
  const row = await insertSourceRow(trx, {
    kind: source.kind,
    title: source.title.trim(),
    doc_number: source.docNumber?.trim() || null,
    issuer: source.issuer?.trim() || null,
    issued_on: source.issuedOn ?? null,
    full_text: source.fullText?.trim() ? source.fullText : null,
    content_hash: input.contentHash,
    created_by: input.actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertAuditEntry(trx, input.actor, {
    action: 'source.create',
    objectType: 'source',
    objectId: row.id,
    detail: { title: row.title, docNumber: row.doc_number, imported: true },
  });
  return row;
}

export type RegisterImportInput = z.output<typeof registerImportBody> & { actor: Actor; locale: Locale };

/**
 * Registers a reviewed document in one transaction (issue 6 item 4): its source with the text's
 * hash, its task tree (updating, not duplicating, the tasks an earlier import of the same document
 * made), assignment when asked, and the unit names mapped by hand as aliases. A document imported
 * before is refused unless the caller confirms; any refusal leaves nothing written.
 */
export async function registerDocumentImport(
  deps: TaskDeps,
  input: RegisterImportInput,
): Promise<{ source: SourceRow; tasks: ImportedTask[]; aliasesAdded: AddedAlias[] }> {
  assertAllowed(can.manageTasks(input.actor) && can.manageSources(input.actor));
  checkTreeSize(input.items);
  const clock = input.mode === 'assign' ? await taskClock(deps.db, deps.config) : null;
  return inTransaction(deps.db, async (trx) => {
    const earlier = await findSourceByHash(trx, input.contentHash);
    if (earlier && !input.confirmDuplicate) {
      throw new AppError('import_duplicate', { title: earlier.title, importedAt: earlier.created_at }, 'contentHash');
    }
    const source = earlier ?? (await createImportSource(trx, input));
    const keys = earlier ? await listImportKeys(trx, source.id) : new Map<string, number>();
    const ctx: WriteContext = { trx, deps, source, keys, actor: input.actor, locale: input.locale, written: [] };
    await writeItems(ctx, input.items, null);
    if (clock) await assignAll(ctx, clock);
    const aliasesAdded = await rememberAliases(trx, {
      aliases: input.aliases,
      sourceId: source.id,
      actor: input.actor,
    });
    return { source, tasks: ctx.written, aliasesAdded };
  });
}
