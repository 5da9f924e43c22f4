import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { machineInfo } from './bench-report.js';
import { ensureServerBuilt, ROOT, sampleRss, startServer } from './bench-server.js';

// Issue 4's bench entry: N progress reports submitted through the API by C concurrent clients,
// each with a file of K kilobytes — create the draft in its slot, upload the evidence, save the
// text with the file linked, submit — then a check that no file was lost or duplicated: the files
// on disk, hashed again, against the database's rows and the hashes the clients computed.
//
//   npx tsx bench/reports.ts [--db sqlite|postgres] [--reports 10000] [--clients 10] [--file-kb 100]
//
// Set-up (not measured): a fresh database, C units with one staff member each, reports/10 tasks
// with a weekly cycle whose assignment is moved 10 weeks back (so each task has 10 report slots
// open, as the slot job opens them for a task assigned then), all through the API except that
// one UPDATE of assigned_at.

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    reports: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '10' },
    'file-kb': { type: 'string', default: '100' },
    port: { type: 'string', default: '3998' },
    workers: { type: 'string', default: '1' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});

const dialect = args.db === 'postgres' ? 'postgres' : 'sqlite';
const REPORTS = Number(args.reports);
const CLIENTS = Number(args.clients);
const FILE_BYTES = Number(args['file-kb']) * 1024;
const PERIODS_PER_TASK = 10;
const TASKS = Math.ceil(REPORTS / PERIODS_PER_TASK);
const PASSWORD = 'bench-reports-2026';
const ADMIN_PASSWORD = 'bench-admin-password';
const dataDir = path.join(ROOT, 'bench', '.data', `reports-${dialect}`);
const pgName = 'luoshi_bench_reports';
const pgUrl = (() => {
  const url = new URL(args['pg-url']);
  url.pathname = `/${pgName}`;
  return url.toString();
})();
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Client {
  base: string;
  cookie: string;
}

async function signIn(base: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('luoshi_session='));
  if (!cookie) throw new Error('no session cookie');
  return { base, cookie };
}

async function api<T>(client: Client, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${client.base}/api/v1${url}`, {
    method,
    headers: { cookie: client.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A PDF by its first bytes, unique by its random body. */
function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length - tail.length)), tail]);
}

const PHRASES = [
  '完成年度投资计划的',
  '召开专题协调会研究解决',
  '开工建设老旧小区改造项目',
  '完成管网改造',
  '落实资金',
  '群众满意度测评',
  '完成招标采购',
  '形成阶段性成果',
  '推进雨污分流改造',
  '组织现场督导检查',
  '完成可行性研究报告编制',
  '建立工作台账',
];
function prose(seed: number, n: number): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `${PHRASES[x % PHRASES.length]}${(x >> 8) % 97}%，`;
  }
  return `${out}本期工作按计划推进。`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function freshDatabase(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUOSHI_LOG_LEVEL: 'warn',
    LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LUOSHI_LOGIN_MAX_FAILURES: '10000',
    LUOSHI_LOGIN_IP_MAX_FAILURES: '100000',
    LUOSHI_WORKERS: args.workers,
    LUOSHI_DATA_DIR: dataDir,
  };
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: args['pg-url'] });
    await admin.connect();
    await admin.query(`drop database if exists ${pgName} with (force)`);
    await admin.query(`create database ${pgName}`);
    await admin.end();
    env.DATABASE_URL = pgUrl;
  } else {
    delete env.DATABASE_URL;
  }
  return env;
}

/** Runs SQL straight on the bench database (set-up and the final check). */
async function query<T>(sqlText: string, params: unknown[] = []): Promise<T[]> {
  if (dialect === 'postgres') {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      return (await client.query(sqlText, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(path.join(dataDir, 'luoshi.sqlite'));
  db.pragma('busy_timeout = 5000');
  try {
    const statement = db.prepare(sqlText.replace(/\$\d+/g, '?'));
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}

async function setUp(base: string) {
  const admin = await signIn(base, 'admin', ADMIN_PASSWORD);
  const city = await api<{ id: number }>(admin, 'POST', '/units', { name: '报告压测市' });
  const units: Array<{ id: number; username: string }> = [];
  for (let i = 0; i < CLIENTS; i++) {
    const unit = await api<{ id: number }>(admin, 'POST', '/units', { name: `压测单位${i + 1}`, parentId: city.id });
    const username = `rep.${String(i + 1).padStart(2, '0')}`;
    await api(admin, 'POST', '/users', {
      username,
      displayName: `经办人${i + 1}`,
      password: PASSWORD,
      unitId: unit.id,
      roles: ['unit_staff'],
    });
    units.push({ id: unit.id, username });
  }
  const settings = await api<{ version: number; dueWorkingDays: number; stalledCycles: number }>(
    admin,
    'GET',
    '/settings/reports',
  );
  await api(admin, 'PUT', '/settings/reports', {
    version: settings.version,
    defaultCycle: 'weekly',
    dueWorkingDays: settings.dueWorkingDays,
    stalledCycles: settings.stalledCycles,
  });
  const deadline = `${new Date().getFullYear() + 2}-12-31`;
  const taskIds: number[] = [];
  for (let i = 0; i < TASKS; i++) {
    const unit = units[i % units.length] as { id: number };
    const task = await api<{ id: number; version: number }>(admin, 'POST', '/tasks', {
      title: `压测任务${i + 1}：${PHRASES[i % PHRASES.length]}`,
      leadUnitId: unit.id,
      deadline,
    });
    await api(admin, 'POST', `/tasks/${task.id}/assign`, { version: task.version });
    taskIds.push(task.id);
    if ((i + 1) % 200 === 0) log(`  set-up: ${i + 1}/${TASKS} tasks registered and assigned`);
  }
  // As if assigned 10 weeks and 3 days ago: the weekly cycle then has 10 ended periods.
  const assignedAt = new Date(Date.now() - (PERIODS_PER_TASK * 7 + 3) * 86_400_000).toISOString();
  await query('update tasks set assigned_at = $1 where id >= $2', [assignedAt, Math.min(...taskIds)]);
  return { admin, units, taskIds };
}

interface Job {
  taskId: number;
  periodId: number;
}

async function main() {
  ensureServerBuilt(log);
  const env = await freshDatabase();
  log(`Reports bench on ${dialect}: ${REPORTS} reports by ${CLIENTS} clients, ${FILE_BYTES / 1024} KB files.`);
  const server = await startServer(Number(args.port), env);
  try {
    const { admin, units, taskIds } = await setUp(server.baseUrl);
    const jobsByUnit = new Map<number, Job[]>();
    for (const [i, taskId] of taskIds.entries()) {
      const unit = units[i % units.length] as { id: number };
      const reports = await api<{ periods: Array<{ slots: Array<{ periodId: number; unitId: number }> }> }>(
        admin,
        'GET',
        `/tasks/${taskId}/reports`,
      );
      const jobs = jobsByUnit.get(unit.id) ?? [];
      for (const period of reports.periods) {
        for (const slot of period.slots) if (slot.unitId === unit.id) jobs.push({ taskId, periodId: slot.periodId });
      }
      jobsByUnit.set(unit.id, jobs);
    }
    const slots = [...jobsByUnit.values()].reduce((n, jobs) => n + jobs.length, 0);
    log(`  set-up: ${slots} report slots open`);
    if (slots < REPORTS) throw new Error(`only ${slots} slots for ${REPORTS} reports`);

    const perReport: number[] = [];
    const perStep: Record<'create' | 'upload' | 'save' | 'submit', number[]> = {
      create: [],
      upload: [],
      save: [],
      submit: [],
    };
    const sent = new Map<string, number>(); // sha256 → report id
    let errors = 0;
    let done = 0;
    const rss = sampleRss(server.pid);
    const quota = Math.ceil(REPORTS / CLIENTS);
    const started = performance.now();
    await Promise.all(
      units.map(async (unit, clientIndex) => {
        const client = await signIn(server.baseUrl, unit.username, PASSWORD);
        const jobs = (jobsByUnit.get(unit.id) ?? []).slice(0, Math.min(quota, REPORTS - clientIndex * quota));
        for (const [n, job] of jobs.entries()) {
          const begin = performance.now();
          try {
            let t0 = performance.now();
            const draft = await api<{ id: number; version: number }>(client, 'POST', `/tasks/${job.taskId}/reports`, {
              periodId: job.periodId,
            });
            perStep.create.push(performance.now() - t0);
            const file = pdfOf(FILE_BYTES);
            const sha = createHash('sha256').update(file).digest('hex');
            const form = new FormData();
            form.append('file', new Blob([file], { type: 'application/pdf' }), `佐证材料-${job.periodId}.pdf`);
            t0 = performance.now();
            const upload = await fetch(`${server.baseUrl}/api/v1/tasks/${job.taskId}/files`, {
              method: 'POST',
              headers: { cookie: client.cookie },
              body: form,
            });
            const uploaded = (await upload.json()) as { id: number; sha256: string };
            if (!upload.ok) throw new Error(`upload: ${upload.status} ${JSON.stringify(uploaded)}`);
            perStep.upload.push(performance.now() - t0);
            if (uploaded.sha256 !== sha) throw new Error(`the server hashed ${uploaded.sha256}, the client ${sha}`);
            t0 = performance.now();
            const seed = clientIndex * 1_000_003 + n * 7919;
            const saved = await api<{ version: number }>(client, 'PUT', `/reports/${draft.id}`, {
              version: draft.version,
              doneText: prose(seed, 12),
              problems: prose(seed + 1, 4),
              nextSteps: prose(seed + 2, 5),
              coordination: '',
              percent: Math.min(100, 10 + n),
              fileIds: [uploaded.id],
            });
            perStep.save.push(performance.now() - t0);
            t0 = performance.now();
            await api(client, 'POST', `/reports/${draft.id}/actions`, { action: 'submit', version: saved.version });
            perStep.submit.push(performance.now() - t0);
            sent.set(sha, draft.id);
            perReport.push(performance.now() - begin);
          } catch (error) {
            errors++;
            if (errors <= 5) log(`  error: ${error instanceof Error ? error.message : String(error)}`);
          }
          done++;
          if (done % 1000 === 0) log(`  ${done}/${REPORTS} reports`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rssPeakMb = Math.round(rss.stop());

    // No file lost or duplicated: disk ⇄ database ⇄ what the clients sent.
    const rows = await query<{ id: number; sha256: string; size_bytes: number }>(
      'select id, sha256, size_bytes from files where deleted_at is null',
    );
    const links = await query<{ n: number }>(
      "select count(*) as n from evidence_links where subject_type = 'report' and locked = 1",
    );
    const submitted = await query<{ n: number }>("select count(*) as n from reports where status <> 'draft'");
    const blobsDir = path.join(dataDir, 'files');
    const blobs = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'tmp') walk(full);
        } else blobs.set(entry.name, full);
      }
    };
    if (fs.existsSync(blobsDir)) walk(blobsDir);
    let badHashes = 0;
    for (const [name, full] of blobs) {
      if (createHash('sha256').update(fs.readFileSync(full)).digest('hex') !== name) badHashes++;
    }
    const tmpLeft = fs.existsSync(path.join(blobsDir, 'tmp')) ? fs.readdirSync(path.join(blobsDir, 'tmp')).length : 0;
    const rowShas = new Set(rows.map((r) => r.sha256));
    const check = {
      reportsSent: sent.size,
      reportsSubmittedInDb: Number(submitted[0]?.n ?? 0),
      fileRows: rows.length,
      distinctFileHashes: rowShas.size,
      lockedReportLinks: Number(links[0]?.n ?? 0),
      blobsOnDisk: blobs.size,
      blobsWithWrongHash: badHashes,
      tempFilesLeft: tmpLeft,
      sentButNotInDb: [...sent.keys()].filter((sha) => !rowShas.has(sha)).length,
      inDbButNotOnDisk: [...rowShas].filter((sha) => !blobs.has(sha)).length,
      onDiskButNotInDb: [...blobs.keys()].filter((sha) => !rowShas.has(sha)).length,
      wrongSizes: rows.filter((r) => Number(r.size_bytes) !== FILE_BYTES).length,
    };
    const intact =
      errors === 0 &&
      check.reportsSent === REPORTS &&
      check.fileRows === REPORTS &&
      check.distinctFileHashes === REPORTS &&
      check.lockedReportLinks === REPORTS &&
      check.blobsOnDisk === REPORTS &&
      check.reportsSubmittedInDb === REPORTS &&
      badHashes === 0 &&
      tmpLeft === 0 &&
      check.sentButNotInDb + check.inDbButNotOnDisk + check.onDiskButNotInDb + check.wrongSizes === 0;

    const sortedReports = [...perReport].sort((a, b) => a - b);
    const steps = Object.fromEntries(
      Object.entries(perStep).map(([name, times]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return [name, { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)) }];
      }),
    );
    const record = {
      date: new Date().toISOString(),
      command: ['npx tsx bench/reports.ts', ...process.argv.slice(2)].join(' '),
      db: dialect,
      reports: REPORTS,
      clients: CLIENTS,
      fileKb: FILE_BYTES / 1024,
      workers: Number(args.workers),
      machine: machineInfo(),
      loadAverage: os.loadavg()[0],
      seconds: Math.round(seconds * 10) / 10,
      reportsPerSecond: Math.round((perReport.length / seconds) * 10) / 10,
      megabytesPerSecond: Math.round(((perReport.length * FILE_BYTES) / 2 ** 20 / seconds) * 10) / 10,
      perReportMs: { p50: Math.round(percentile(sortedReports, 50)), p99: Math.round(percentile(sortedReports, 99)) },
      perRequestMs: steps,
      errors,
      rssPeakMb,
      check,
      intact,
    };
    log('');
    log(
      `| ${dialect} | reports | clients | seconds | reports/s | MB/s | report p50 | report p99 | upload p99 | submit p99 | errors | files intact |`,
    );
    log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    log(
      `| ${dialect} | ${REPORTS} | ${CLIENTS} | ${record.seconds} | ${record.reportsPerSecond} | ${record.megabytesPerSecond} | ${record.perReportMs.p50} ms | ${record.perReportMs.p99} ms | ${steps.upload?.p99} ms | ${steps.submit?.p99} ms | ${errors} | ${intact ? 'yes' : 'NO'} |`,
    );
    log(JSON.stringify(check));
    const out = path.join(ROOT, 'bench', 'results', `${record.date.replace(/[:.]/g, '-')}-reports-${dialect}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
    log(`Written ${path.relative(ROOT, out)}`);
    if (!intact) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reports bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
