import type { z } from 'zod';
import type { ParsedItem } from '../../domain/docparse/types.js';
import type { UnitMatch } from '../../domain/docparse/unit-match.js';
import type {
  parsedItemSchema,
  parseResultSchema,
  registerResultSchema,
  unitMatchSchema,
} from '../../shared/document-import-api.js';
import type { DocumentPreview } from './document-import.service.js';
import type { AddedAlias } from './document-import-aliases.js';
import type { ImportedTask } from './document-import-tree.js';

// The document import's answers, field by field: the parser may add fields to its items (the
// types allow optional extras), and none of them leaves the server unless named here.

function presentItem(item: ParsedItem): z.infer<typeof parsedItemSchema> {
  return {
    path: item.path,
    marker: item.marker,
    title: item.title,
    body: item.body,
    lead: [...item.lead],
    cooperating: [...item.cooperating],
    leaders: [...item.leaders],
    deadline: item.deadline,
    deadline_iso: item.deadline_iso,
    ongoing: item.ongoing,
    line: item.line,
    children: item.children.map(presentItem),
  };
}

function presentMatch(match: UnitMatch): z.infer<typeof unitMatchSchema> {
  return {
    status: match.status,
    ...(match.unitId !== undefined ? { unitId: match.unitId } : {}),
    candidates: match.candidates.map((c) => ({ unitId: c.unitId, name: c.name, score: c.score, via: c.via })),
  };
}

/** The review screen's data: texts, changes, the parsed tree, unit matches, the hash and any earlier import. */
export function presentPreview(preview: DocumentPreview): z.infer<typeof parseResultSchema> {
  const { normalised, document, duplicateOf } = preview;
  return {
    original: normalised.original,
    text: normalised.text,
    changes: normalised.changes.map((c) => ({
      kind: c.kind,
      offset: c.offset,
      before: c.before,
      after: c.after,
      ...(c.note !== undefined ? { note: c.note } : {}),
    })),
    document: {
      year: document.year,
      yearSource: document.yearSource,
      docNumber: document.docNumber,
      title: document.title,
      items: document.items.map(presentItem),
    },
    units: Object.fromEntries([...preview.units].map(([written, match]) => [written, presentMatch(match)])),
    contentHash: preview.contentHash,
    ...(duplicateOf
      ? { duplicateOf: { sourceId: duplicateOf.id, title: duplicateOf.title, importedAt: duplicateOf.created_at } }
      : {}),
  };
}

/** What was registered: the source, every task of the tree (parents first) and the aliases added. */
export function presentRegistered(result: {
  source: { id: number };
  tasks: ImportedTask[];
  aliasesAdded: AddedAlias[];
}): z.infer<typeof registerResultSchema> {
  return {
    sourceId: result.source.id,
    tasks: result.tasks.map(({ task, created }) => ({
      id: task.id,
      number: task.number,
      title: task.title,
      depth: task.depth,
      status: task.status,
      created,
    })),
    aliasesAdded: result.aliasesAdded.map((a) => ({ unitId: a.unitId, alias: a.alias })),
  };
}
