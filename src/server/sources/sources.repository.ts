import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { SourceTable } from '../db/schema-tasks.js';

export type SourceRow = Selectable<SourceTable>;
export type SourceListRow = Omit<SourceRow, 'full_text'> & { has_full_text: number; task_count: number };

const LIST_COLUMNS = [
  'sources.id',
  'sources.kind',
  'sources.title',
  'sources.doc_number',
  'sources.issuer',
  'sources.issued_on',
  'sources.created_by',
  'sources.created_at',
  'sources.updated_at',
  'sources.version',
] as const;

/**
 * A page of sources, newest first (keyset on updated_at, id: sources_updated_idx), with the number
 * of tasks each feeds (tasks_source_idx) and whether it has a full text, without sending the text.
 */
export function listSourceRows(
  db: Executor,
  filter: {
    q?: string | undefined;
    kind?: string | undefined;
    after?: { updatedAt: string; id: number };
    limit: number;
  },
): Promise<SourceListRow[]> {
  let query = db
    .selectFrom('sources')
    .select(LIST_COLUMNS)
    .select((eb) => [
      sql<number>`case when sources.full_text is null or sources.full_text = '' then 0 else 1 end`.as('has_full_text'),
      eb
        .selectFrom('tasks')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('tasks.source_id', '=', 'sources.id')
        .as('task_count'),
    ]);
  if (filter.kind) query = query.where('sources.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(lower(sources.title) like ${pattern} escape '\\' or lower(coalesce(sources.doc_number, '')) like ${pattern} escape '\\')`,
    );
  }
  if (filter.after) {
    const { updatedAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('sources.updated_at', '<', updatedAt),
        eb.and([eb('sources.updated_at', '=', updatedAt), eb('sources.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('sources.updated_at', 'desc')
    .orderBy('sources.id', 'desc')
    .limit(filter.limit)
    .execute() as Promise<SourceListRow[]>;
}

/** One source with its full text. */
export function findSourceRow(db: Executor, id: number): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many tasks name this source. */
export async function countSourceTasks(db: Executor, id: number): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertSourceRow(
  db: Executor,
  values: Omit<SourceRow, 'id' | 'content_hash'> & { content_hash?: string | null },
): Promise<SourceRow> {
  return db.insertInto('sources').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Versioned update; undefined when the version no longer matches. */
export function updateSourceRow(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Omit<SourceRow, 'id' | 'created_at' | 'created_by' | 'version'>>,
): Promise<SourceRow | undefined> {
  return db
    .updateTable('sources')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSourceRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('sources').where('id', '=', id).execute();
}
