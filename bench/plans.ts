import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/server/db/schema.js';
import { listTaskRows, type TaskListFilter } from '../src/server/tasks/task-list.repository.js';
import { listChildRows, recomputeRollup } from '../src/server/tasks/tasks.repository.js';

// Prints the plans of the benchmarked queries on the bench's generated database (run `npm run
// bench` first): EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, with the
// time each query took. The SQL is the repositories' own, captured through Kysely's log.
//
//   npx tsx bench/plans.ts [--db sqlite|postgres] [--tasks 1000000]

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    tasks: { type: 'string', default: '1000000' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const isPg = args.db === 'postgres';
const pgUrl = new URL(args['pg-url']);
pgUrl.pathname = `/luoshi_bench_${args.tasks}`;
const file = path.join(import.meta.dirname, '.data', `sqlite-${args.tasks}`, 'luoshi.sqlite');

const captured: CompiledQuery[] = [];
const handle = isPg ? null : new SQLite(file);
const db = new Kysely<DB>({
  dialect: handle
    ? new SqliteDialect({ database: handle })
    : new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrl.toString() }) }),
  log: (event) => {
    if (event.level === 'query') captured.push(event.query);
  },
});

async function explain(
  title: string,
  run: () => Promise<unknown>,
  pick: (query: CompiledQuery) => boolean = () => true,
): Promise<void> {
  await run();
  captured.length = 0;
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const query = captured.filter(pick).pop();
  if (!query) return;
  process.stdout.write(
    `\n### ${title} (${ms.toFixed(2)} ms)\n\n\`\`\`sql\n${query.sql}\n-- ${JSON.stringify(query.parameters)}\n`,
  );
  if (handle) {
    const rows = handle.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
      detail: string;
    }>;
    process.stdout.write(`${rows.map((r) => `-- ${r.detail}`).join('\n')}\n\`\`\`\n`);
    return;
  }
  const { rows } = await db.executeQuery<Record<string, string>>({
    ...query,
    sql: `explain (analyze, buffers, costs off) ${query.sql}`,
  });
  process.stdout.write(`${rows.map((r) => `-- ${r['QUERY PLAN']}`).join('\n')}\n\`\`\`\n`);
}

const units = await db.selectFrom('units').select(['id', 'path', 'name', 'depth']).execute();
const district = units.find((u) => u.depth === 1 && !u.name.startsWith('市'));
const bureau = units.find((u) => u.name === '市教育局') ?? units.find((u) => u.depth === 1);
if (!district || !bureau) throw new Error('run `npm run bench` first: no generated organisation');
const dialect = isPg ? 'postgres' : 'sqlite';
const base: TaskListFilter = {
  scope: { all: true, unitIds: [], unitPaths: [] },
  today: '2026-11-27',
  sort: '-updated',
  limit: 51,
};
const subtree = (unit: { id: number; path: string }): TaskListFilter => ({
  ...base,
  unit: { id: unit.id, path: unit.path, includeSubunits: true, role: 'lead' },
  statuses: ['in_progress'],
  overdue: true,
});
const parent = await db
  .selectFrom('tasks')
  .select(['id'])
  .where('depth', '=', 1)
  .where('child_count', '>', 3)
  .executeTakeFirstOrThrow();

await explain(`list: lead subtree of a district (${district.name}) + in progress + overdue`, () =>
  listTaskRows(db, dialect, subtree(district)),
);
await explain(`list: lead subtree of a department (${bureau.name}) + in progress + overdue`, () =>
  listTaskRows(db, dialect, subtree(bureau)),
);
await explain(`list: lead or cooperating, subtree of ${bureau.name}`, () =>
  listTaskRows(db, dialect, {
    ...subtree(bureau),
    unit: { id: bureau.id, path: bureau.path, includeSubunits: true, role: 'any' },
  }),
);
await explain(`list: scoped to a unit staff member of ${bureau.name}`, () =>
  listTaskRows(db, dialect, { ...base, scope: { all: false, unitIds: [bureau.id], unitPaths: [] } }),
);
await explain('search, 3+ characters (老旧小区改造)', () => listTaskRows(db, dialect, { ...base, q: '老旧小区改造' }));
await explain('search, 2 characters (改造)', () => listTaskRows(db, dialect, { ...base, q: '改造' }));
await explain('detail: children of a task', () => listChildRows(db, parent.id));
await explain(
  'progress roll-up: one ancestor recomputed (rolled back)',
  () =>
    db
      .transaction()
      .execute(async (trx) => {
        await recomputeRollup(trx, parent.id, new Date().toISOString());
        throw new Error('rollback');
      })
      .catch(() => undefined),
  (query) => query.sql.includes('sum('),
);
await db.destroy();
