import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/luoshi.js';
import { systemActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { createDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabaseConfig } from '../test/test-database.js';
import { createUnit } from '../units/units.service.js';
import { sheetFile, sheetRows } from './spreadsheet-fixtures.js';

// `luoshi import xlsx FILE` and `luoshi export xlsx`, run in-process as bin/luoshi.js runs them,
// on SQLite in a temporary data directory or a throw-away PostgreSQL database via DATABASE_URL.

let dataDir: string;
let database: Config['database'];
let drop: () => Promise<void>;
const savedUrl = process.env.DATABASE_URL;
const savedLang = process.env.LANG;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-xlsx-cli-'));
  const test = await createTestDatabaseConfig();
  drop = test.drop;
  database =
    test.database.kind === 'postgres' ? test.database : { kind: 'sqlite', file: path.join(dataDir, 'luoshi.sqlite') };
  if (database.kind === 'postgres') process.env.DATABASE_URL = database.url;
  process.env.LANG = 'zh_CN.UTF-8';
  const { db } = createDatabase(database);
  try {
    await migrateToLatest(db);
    for (const name of ['市发改委', '市财政局']) await createUnit(db, { name, actor: systemActor('test') });
  } finally {
    await db.destroy();
  }
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  if (savedLang === undefined) delete process.env.LANG;
  else process.env.LANG = savedLang;
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `luoshi --data <dir> …args`, returning its exit code and what it printed. */
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

async function writeSheet(name: string, rows: Parameters<typeof sheetFile>[0]): Promise<string> {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, await sheetFile(rows));
  return file;
}

describe('luoshi import xlsx / export xlsx', () => {
  it('should list every bad row on stderr, exit 1 and write nothing', async () => {
    const file = await writeSheet('bad.xlsx', [
      ['1', '推进重大项目', '市不存在局', null, null, '2026-02-30'],
      ['1', '重复的序号', '市发改委'],
    ]);
    const run = await luoshi('import', 'xlsx', file);
    expect(run.code).toBe(1);
    expect(run.err).toContain('第 2 行 · 牵头单位 · 系统中没有名称、简称或别名为“市不存在局”的单位。');
    expect(run.err).toContain('第 2 行 · 完成时限');
    expect(run.err).toContain('第 3 行 · 序号');
    expect(run.err).toContain('未导入任何内容');
    const everything = await luoshi('export', 'xlsx', '--csv');
    expect(everything.out.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('should import a sheet as the system, then export the source to a file that holds the same rows', async () => {
    const file = await writeSheet('任务分解表.xlsx', [
      ['1', '推进重大项目', '市发改委', '市财政局', null, '2026年12月底前'],
      ['1.1', '建立调度机制', '市发改委', null, null, '2026-06-30'],
    ]);
    const run = await luoshi('import', 'xlsx', file, '--json');
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({ created: 2, source: { title: '任务分解表', isNew: true } });
    const out = path.join(dataDir, 'export.xlsx');
    const exported = await luoshi('export', 'xlsx', '--source-id', String(result.source.id), '--out', out);
    expect(exported.code, exported.err).toBe(0);
    const rows = await sheetRows(fs.readFileSync(out));
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['1', '推进重大项目', '市发改委', '市财政局'],
      ['1.1', '建立调度机制', '市发改委', '市财政局'],
    ]);
    const again = await luoshi('import', 'xlsx', out, '--source-id', String(result.source.id));
    expect(again.out).toContain('0 created (drafts), 0 updated, 2 unchanged');
  });

  it('should write CSV to stdout with the filters applied', async () => {
    const run = await luoshi('export', 'xlsx', '--csv', '--q', '调度', '--lang', 'en');
    expect(run.code, run.err).toBe(0);
    expect(run.out.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFNo.,Task,Lead unit,Cooperating units,Responsible leader,Deadline,Remarks',
      '1,建立调度机制,市发改委,市财政局,,2026-06-30,',
    ]);
  });

  it('should refuse a bad filter before touching the database', async () => {
    const run = await luoshi('export', 'xlsx', '--csv', '--status', 'finished');
    expect(run.code).toBe(1);
    expect(run.err).toContain('--status');
  });
});
