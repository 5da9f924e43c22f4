import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { systemActor } from '../src/server/auth/actor.js';
import { ensureCalendarSeeded } from '../src/server/calendar/calendar-seed.service.js';
import { loadConfig } from '../src/server/config.js';
import { createDatabase } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { importSpreadsheet } from '../src/server/imports/spreadsheet-import.service.js';
import { createUnit } from '../src/server/units/units.service.js';
import { createUser } from '../src/server/users/users.service.js';

// Imports a generated 10,000-row 任务分解表 (3 levels: 100 tasks × 9 subtasks × 10 sub-subtasks)
// through the import service on a fresh SQLite file (or PostgreSQL with --db postgres), then
// re-imports it with every title changed. Target (issue 6): the first import in ≤ 10 s.
//
//   npx tsx bench/xlsx.ts [--db sqlite|postgres] [--top 100]

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    top: { type: 'string', default: '100' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const top = Number(args.top);
const UNITS = 40;

function unitName(i: number): string {
  return `市第${i + 1}局`;
}

/** The sheet: every row with a lead unit, two cooperating units, a deadline; top rows with a leader. */
async function generate(suffix: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解表');
  sheet.addRow(['序号', '任务', '牵头单位', '配合单位', '责任领导', '完成时限', '备注']);
  let n = 0;
  const unit = () => unitName(n++ % UNITS);
  for (let a = 1; a <= top; a++) {
    sheet.addRow([`${a}`, `重点任务${a}${suffix}`, unit(), `${unit()}、${unit()}`, '王副市长', '2026年12月底前', '']);
    for (let b = 1; b <= 9; b++) {
      sheet.addRow([`${a}.${b}`, `子任务${a}.${b}${suffix}`, unit(), unit(), null, '2026-11-30', null]);
      for (let c = 1; c <= 10; c++) {
        sheet.addRow([`${a}.${b}.${c}`, `具体措施${a}.${b}.${c}${suffix}`, unit(), null, null, '2026年10月31日', null]);
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const dir = await mkdtemp(path.join(tmpdir(), 'luoshi-xlsx-bench-'));
const pgName = `luoshi_xlsx_bench_${process.pid}`;
const adminUrl = args['pg-url'];
let database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
if (args.db === 'postgres') {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${pgName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${pgName}`;
  database = { kind: 'postgres', url: url.toString(), poolSize: 4 };
} else {
  database = { kind: 'sqlite', file: path.join(dir, 'luoshi.sqlite') };
}
const config = loadConfig({ LUOSHI_LOG_LEVEL: 'silent' }, { database, dataDir: dir });
const { db } = createDatabase(config.database);
try {
  await migrateToLatest(db);
  await ensureCalendarSeeded(db);
  const actor = systemActor('bench');
  for (let i = 0; i < UNITS; i++) await createUnit(db, { name: unitName(i), actor });
  const password = 'password-123';
  await createUser(db, { username: 'wang', displayName: '王副市长', password, roles: ['leader'], actor });

  let started = performance.now();
  const bytes = await generate('');
  const rows = top * 100;
  process.stdout.write(`generated ${rows} rows (${(bytes.length / 1024).toFixed(0)} KB) in ${ms(started)}\n`);

  started = performance.now();
  const first = await importSpreadsheet({ db, config }, { bytes, fileName: 'bench.xlsx', actor });
  if (!first.ok) throw new Error(`refused: ${JSON.stringify(first.problems.slice(0, 3))}`);
  const importMs = performance.now() - started;
  process.stdout.write(`import (${args.db}): ${first.result.created} tasks created in ${ms(started)}\n`);

  const changed = await generate('（修订）');
  started = performance.now();
  const sourceId = first.result.source.id;
  const second = await importSpreadsheet({ db, config }, { bytes: changed, fileName: 'bench.xlsx', sourceId, actor });
  if (!second.ok) throw new Error(`refused: ${JSON.stringify(second.problems.slice(0, 3))}`);
  process.stdout.write(`re-import, every title changed: ${second.result.updated} tasks updated in ${ms(started)}\n`);
  process.stdout.write(`target ≤ 10 s for ${rows} rows: ${importMs <= 10_000 ? 'met' : 'MISSED'}\n`);
} finally {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
  if (args.db === 'postgres') {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${pgName}`);
    await admin.end();
  }
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}
