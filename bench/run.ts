import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { type BenchRecord, machineInfo, meets, type ScenarioResult, table, writeRecord } from './bench-report.js';
import { prepareScenarios, type Scenario } from './bench-scenarios.js';
import { ensureServerBuilt, ROOT, runCli, sampleRss, startServer } from './bench-server.js';

// `npm run bench`: generates a synthetic organisation and task forest (timed), starts the built
// server on it, and measures the scenarios of issue 3 item 8 over HTTP with autocannon, printing a
// table and writing bench/results/<timestamp>-<db>.json.
//
//   npm run bench -- [--db sqlite|postgres] [--tasks 1000000] [--reuse] [--duration 15]
//                    [--warmup 3] [--connections 10] [--workers 1] [--port 3999] [--only <name part>]

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    tasks: { type: 'string', default: '1000000' },
    reuse: { type: 'boolean', default: false },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' },
    port: { type: 'string', default: '3999' },
    only: { type: 'string' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});

const db = args.db === 'postgres' ? 'postgres' : 'sqlite';
const tasks = Number(args.tasks);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const workers = Number(args.workers);
const ADMIN_PASSWORD = 'bench-admin-password';
const GENERATION_TARGET_S = 180;
const RSS_TARGET_MB = 400;
const log = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = path.join(ROOT, 'bench', '.data', `sqlite-${tasks}`);
const pgName = `luoshi_bench_${tasks}`;
const pgUrl = (() => {
  const url = new URL(args['pg-url']);
  url.pathname = `/${pgName}`;
  return url.toString();
})();
const genRecordFile = path.join(ROOT, 'bench', '.data', `${db}-${tasks}.gen.json`);

/** The environment the CLI and the server run with: this database, quiet logs, no sign-in limits. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUOSHI_LOG_LEVEL: 'warn',
    LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LUOSHI_LOGIN_MAX_FAILURES: '10000',
    LUOSHI_LOGIN_IP_MAX_FAILURES: '100000',
    LUOSHI_WORKERS: String(workers),
    // The API alone is measured: the report-slot job would be opening a million tasks' history.
    LUOSHI_JOBS: 'false',
  };
  if (db === 'postgres') env.DATABASE_URL = pgUrl;
  else {
    delete env.DATABASE_URL;
    env.LUOSHI_DATA_DIR = dataDir;
  }
  return env;
}

async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: args['pg-url'] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(): Promise<boolean> {
  if (db === 'sqlite') return fs.existsSync(path.join(dataDir, 'luoshi.sqlite')) && fs.existsSync(genRecordFile);
  const found = await pgAdmin((c) => c.query('select 1 from pg_database where datname = $1', [pgName]));
  return (found.rowCount ?? 0) > 0 && fs.existsSync(genRecordFile);
}

async function freshDatabase(): Promise<void> {
  if (db === 'sqlite') {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    return;
  }
  await pgAdmin(async (c) => {
    await c.query(`drop database if exists ${pgName}`);
    await c.query(`create database ${pgName}`);
  });
}

/** Generates the data set (timed) unless --reuse finds one; returns the generation record. */
async function generate(): Promise<BenchRecord['generation']> {
  if (args.reuse && (await databaseExists())) {
    const previous = JSON.parse(fs.readFileSync(genRecordFile, 'utf8')) as { seconds: number; summary: string };
    log(`Reusing the ${db} database with ${tasks} tasks (generated earlier in ${previous.seconds.toFixed(1)} s).`);
    return {
      seconds: previous.seconds,
      reused: true,
      target: GENERATION_TARGET_S,
      pass: null,
      summary: previous.summary,
    };
  }
  await freshDatabase();
  const command = ['gen', '--units', '2000', '--users', '20000', '--tasks', String(tasks)];
  log(`Generating: luoshi ${command.join(' ')} (${db})`);
  const { seconds, output } = await runCli(db === 'sqlite' ? ['--data', dataDir, ...command] : command, serverEnv());
  const summary = output.slice(output.indexOf('Generated in'));
  fs.writeFileSync(genRecordFile, JSON.stringify({ seconds, summary }));
  return { seconds, reused: false, target: GENERATION_TARGET_S, pass: seconds <= GENERATION_TARGET_S, summary };
}

function runAutocannon(baseUrl: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: scenario.connections ?? connections,
        duration: seconds,
        requests: [scenario.request],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function measure(baseUrl: string, pid: number, scenario: Scenario): Promise<ScenarioResult> {
  if (warmup > 0) await runAutocannon(baseUrl, scenario, warmup);
  const rss = sampleRss(pid);
  const result = await runAutocannon(baseUrl, scenario, duration);
  const rssPeakMb = rss.stop();
  const failures = result.errors + result.timeouts + result.non2xx;
  const measured: ScenarioResult = {
    name: scenario.name,
    connections: scenario.connections ?? connections,
    example: scenario.example,
    target: scenario.target,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssPeakMb,
    loadAverage: os.loadavg()[0] ?? 0,
    pass: meets(scenario.target, result.latency.p99, result.requests.average, failures),
  };
  log(
    `  ${scenario.name}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${Math.round(measured.rps)} req/s, ` +
      `${failures} failed, RSS ≤ ${Math.round(rssPeakMb)} MB, load ${measured.loadAverage.toFixed(1)}`,
  );
  return measured;
}

async function main(): Promise<void> {
  ensureServerBuilt(log);
  const generation = await generate();
  log('Starting the server…');
  const server = await startServer(Number(args.port), serverEnv());
  try {
    const { scenarios, notes } = await prepareScenarios(
      server.baseUrl,
      { supervisor: 'sup.0001', password: 'luoshi-demo-2026' },
      log,
    );
    const chosen = scenarios.filter((s) => !args.only || s.name.includes(args.only));
    log(`Measuring ${chosen.length} scenarios, ${connections} connections, ${warmup} s warm-up + ${duration} s each:`);
    const results: ScenarioResult[] = [];
    for (const scenario of chosen) results.push(await measure(server.baseUrl, server.pid, scenario));
    const record: BenchRecord = {
      date: new Date().toISOString(),
      command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      db,
      tasks,
      durationSeconds: duration,
      connections,
      workers,
      machine: machineInfo(),
      generation,
      rssPeakMb: Math.max(0, ...results.map((r) => r.rssPeakMb)),
      rssTargetMb: RSS_TARGET_MB,
      scenarios: results,
      notes,
    };
    log(`\n${table(record)}\n`);
    log(`Written ${path.relative(ROOT, writeRecord(ROOT, record))}`);
  } finally {
    // autocannon stops at the deadline with requests still in flight: let them finish first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
