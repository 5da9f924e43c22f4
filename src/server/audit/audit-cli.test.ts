import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/luoshi.js';
import type { Config } from '../config.js';
import { createDatabase } from '../db/connect.js';
import { createTestDatabaseConfig } from '../test/test-database.js';

// `luoshi audit verify` on a fresh demo, then after someone edits, deletes and swaps entries
// straight in the database. Commands run in-process, as `node bin/luoshi.js …` would run them, on
// SQLite in a temporary data directory, or on a throw-away PostgreSQL database via DATABASE_URL.

let dataDir: string;
let database: Config['database'];
let drop: () => Promise<void>;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-audit-cli-'));
  const test = await createTestDatabaseConfig();
  drop = test.drop;
  database =
    test.database.kind === 'postgres' ? test.database : { kind: 'sqlite', file: path.join(dataDir, 'luoshi.sqlite') };
  if (database.kind === 'postgres') process.env.DATABASE_URL = database.url;
  const demo = await luoshi('demo');
  if (demo.code !== 0) throw new Error(`luoshi demo failed: ${demo.err}`);
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `luoshi --data <dir> …args` and returns its exit code and what it printed. */
async function luoshi(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync(['node', 'luoshi', '--data', dataDir, ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out: out.join(''), err: err.join('') };
}

/** Changes the database behind the application's back, as someone with its password could. */
async function tamper(statements: string[]): Promise<void> {
  const { db } = createDatabase(database);
  try {
    const guards =
      database.kind === 'postgres'
        ? ['alter table audit_log disable trigger user']
        : ['drop trigger if exists audit_log_no_update', 'drop trigger if exists audit_log_no_delete'];
    for (const statement of [...guards, ...statements]) await sql.raw(statement).execute(db);
  } finally {
    await db.destroy();
  }
}

async function idOf(seq: number): Promise<number> {
  const { db } = createDatabase(database);
  try {
    return (await db.selectFrom('audit_log').select('id').where('seq', '=', seq).executeTakeFirstOrThrow()).id;
  } finally {
    await db.destroy();
  }
}

describe('luoshi audit', () => {
  let head = '';

  it('should pass verify on a fresh demo', async () => {
    const result = await luoshi('audit', 'verify');
    expect(result).toMatchObject({ code: 0, err: '' });
    const count = Number(/^Audit chain intact: (\d+) entries verified; head \1 [0-9a-f]{64}\n$/.exec(result.out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(180);
  });

  it('should print the head as "<seq> <hash>", accepted back by --expect-head', async () => {
    const result = await luoshi('audit', 'head');
    expect(result.out).toMatch(/^\d+ [0-9a-f]{64}\n$/);
    head = result.out.trim().replace(' ', ':');
    expect((await luoshi('audit', 'verify', '--expect-head', head)).code).toBe(0);
  });

  it('should fail naming an entry whose detail was edited in the database', async () => {
    const id = await idOf(150);
    await tamper([`update audit_log set detail = '{"name":"无人知晓"}' where seq = 150`]);
    const result = await luoshi('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Audit chain BROKEN at entry 150 (id ${id}): altered`);
  });

  it('should fail naming the entry after one that was deleted', async () => {
    const id = await idOf(41);
    await tamper(['delete from audit_log where seq = 40']);
    const result = await luoshi('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Audit chain BROKEN at entry 41 (id ${id}): missing — entry 40 is missing`);
  });

  it('should fail naming the first of two entries that swapped places', async () => {
    const id = await idOf(11);
    await tamper([
      'update audit_log set seq = -1 where seq = 10',
      'update audit_log set seq = 10 where seq = 11',
      'update audit_log set seq = 11 where seq = -1',
    ]);
    const result = await luoshi('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Audit chain BROKEN at entry 10 (id ${id}): reordered`);
  });
});
