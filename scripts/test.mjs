#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + API tests on SQLite and PostgreSQL, build, then the browser
// tests in Chromium. A missing PostgreSQL or Chromium is reported loudly and that part skipped —
// except when CI=true, where a skip is a failure. Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.LUOSHI_CHROMIUM ?? '/usr/bin/chromium';
const pgUrl = process.env.LUOSHI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];
let failed = false;

function banner(text) {
  const line = '!'.repeat(Math.min(100, text.length + 8));
  console.log(`\n${line}\n!!! ${text}\n${line}\n`);
}

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  stages.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (!ok) failed = true;
  return ok;
}

function skip(name, why) {
  if (isCI) {
    banner(`${name} CANNOT RUN: ${why} — CI=true, so this is a failure`);
    stages.push({ name, ok: false, seconds: '0.0' });
    failed = true;
  } else {
    banner(`SKIPPING ${name}: ${why} (set CI=true to make this a failure)`);
    stages.push({ name: `${name} (SKIPPED)`, ok: true, seconds: '0.0' });
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.log(`PostgreSQL at ${pgUrl} is not reachable: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
  totals.skipped += stats?.skipped ?? 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

run('typecheck (server)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('typecheck (web)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
run('typecheck (e2e)', npx, ['tsc', '--noEmit', '-p', 'e2e/tsconfig.json']);
run('lint', npx, ['biome', 'check', '.']);

const projects = ['--project', 'unit', '--project', 'api-sqlite'];
if (await postgresReachable()) projects.push('--project', 'api-postgres');
else skip('API tests on PostgreSQL', `no PostgreSQL at ${pgUrl}`);
const vitestJson = path.join(reports, 'vitest.json');
run('unit + API tests', npx, [
  'vitest',
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson);

const built = run('build', 'npm', ['run', 'build']);
if (!fs.existsSync(chromium)) skip('browser tests', `no Chromium at ${chromium} (apt-get install chromium)`);
else if (!built) skip('browser tests', 'the build failed');
else {
  const playwrightJson = path.join(reports, 'playwright.json');
  run('browser tests (Chromium)', npx, ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  countPlaywright(playwrightJson);
}

console.log('\nSummary');
for (const stage of stages) console.log(`  ${stage.ok ? 'ok  ' : 'FAIL'}  ${stage.name}  (${stage.seconds} s)`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
