import { sql } from 'kysely';
import type { Executor } from '../db/connect.js';

/**
 * The next number of a document series in a year (`督` → 1, 2, 3 … each year), inside the caller's
 * transaction. One upsert on the (series, year) primary key of doc_counters: a concurrent caller
 * waits on the row lock and then gets the following number, so numbers are never repeated, and a
 * rolled-back transaction gives its number back (no gaps from failed issues).
 */
export async function nextDocNumber(db: Executor, series: string, year: number): Promise<number> {
  const row = await db
    .insertInto('doc_counters')
    .values({ series, year, last: 1 })
    .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ last: sql<number>`doc_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** An official document number: `督〔2026〕15号` (GB/T 9704: the year in hexagonal brackets, no leading zeros). */
export function formatDocNumber(series: string, year: number, seq: number): string {
  return `${series}〔${year}〕${seq}号`;
}
