import type { Executor } from '../db/connect.js';
import type { SourceRow } from '../sources/sources.repository.js';

// The document import's own query: sources by the hash of their text (was this document imported
// before?). The keys tying each item to its task are in import-keys.repository.ts, shared with the
// spreadsheet import.

/** The earliest source imported from a text with this hash (sources_content_hash_idx), if any. */
export function findSourceByHash(db: Executor, contentHash: string): Promise<SourceRow | undefined> {
  return db
    .selectFrom('sources')
    .selectAll()
    .where('content_hash', '=', contentHash)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
