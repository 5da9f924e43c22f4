import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { machineInfo } from './bench-report.js';
import { ensureServerBuilt, ROOT, runCli, sampleRss, startServer } from './bench-server.js';

// Issue 8 item 4's bench: anonymous requests per second for one public task page, the way the
// public reaches it — the server-rendered HTML, the JSON API, and a browser revalidating its copy
// (If-None-Match → 304). Target: ≥ 2,000 requests/s for the task page on this machine.
//
//   npx tsx bench/public.ts [--duration 15] [--connections 50] [--workers 1] [--port 3997]
//
// Set-up (not measured): a fresh SQLite data dir loaded with the demo (`luoshi demo`: the
// supervision office publishes three tasks with their subtasks, their accepted reports carry public
// summaries, and visitors' ratings are moderated), then the built server; the task page measured is
// the public task with the longest timeline. Each scenario is warmed up for 2 s first.

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '1' },
    port: { type: 'string', default: '3997' },
  },
});

const duration = Number(args.duration);
const connections = Number(args.connections);
const workers = Number(args.workers);
const TARGET_RPS = 2000;
const ADMIN_PASSWORD = 'bench-admin-password';
const dataDir = path.join(ROOT, 'bench', '.data', 'public');
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Scenario {
  name: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
}

interface Result {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function measure(baseUrl: string, scenario: Scenario, seconds: number): Promise<Result> {
  const run = await autocannon({
    url: `${baseUrl}${scenario.path}`,
    connections,
    duration: seconds,
    headers: scenario.headers ?? {},
  });
  return {
    name: scenario.name,
    requestsPerSecond: Math.round(run.requests.average),
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    // autocannon counts 304 as non-2xx; the scenario names the status it expects.
    non2xx: scenario.status === 304 ? run['2xx'] : run.non2xx,
    errors: run.errors + run.timeouts,
  };
}

/** The public task with the longest public timeline (then the most ratings). */
async function richestTask(baseUrl: string): Promise<{ id: number; etag: string; bytes: number }> {
  const list = (await (await fetch(`${baseUrl}/api/v1/public/tasks`)).json()) as { items: Array<{ id: number }> };
  let best = { id: 0, score: -1 };
  for (const item of list.items) {
    const task = (await (await fetch(`${baseUrl}/api/v1/public/tasks/${item.id}`)).json()) as {
      timeline: unknown[];
      ratings: { count: number };
    };
    const score = task.timeline.length * 100 + task.ratings.count;
    if (score > best.score) best = { id: item.id, score };
  }
  if (!best.id) throw new Error('the demo published no task');
  const page = await fetch(`${baseUrl}/public/tasks/${best.id}`);
  return { id: best.id, etag: page.headers.get('etag') ?? '', bytes: (await page.text()).length };
}

async function main() {
  ensureServerBuilt(log);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    LUOSHI_DATA_DIR: dataDir,
    LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LUOSHI_JOBS: 'false',
    LUOSHI_LOG_LEVEL: 'warn',
    LUOSHI_WORKERS: String(workers),
  };
  log('Loading the demo…');
  await runCli(['demo'], env);
  const server = await startServer(Number(args.port), env);
  try {
    const task = await richestTask(server.baseUrl);
    log(`Task page: /public/tasks/${task.id} (${task.bytes} characters of HTML)`);
    const scenarios: Scenario[] = [
      { name: 'task page (HTML)', path: `/public/tasks/${task.id}`, status: 200 },
      {
        name: 'task page revalidated (304)',
        path: `/public/tasks/${task.id}`,
        headers: { 'if-none-match': task.etag },
        status: 304,
      },
      { name: 'task (JSON API)', path: `/api/v1/public/tasks/${task.id}`, status: 200 },
      { name: 'list page (HTML)', path: '/public', status: 200 },
    ];
    const results: Result[] = [];
    const rss = sampleRss(server.pid);
    for (const scenario of scenarios) {
      await measure(server.baseUrl, scenario, 2);
      const result = await measure(server.baseUrl, scenario, duration);
      results.push(result);
      log(
        `${result.name.padEnd(30)} ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  unexpected ${result.non2xx}  errors ${result.errors}`,
      );
    }
    const peakRss = Math.round(rss.stop());
    const page = results[0] as Result;
    const met = page.requestsPerSecond >= TARGET_RPS;
    log(
      `Task page: ${page.requestsPerSecond} req/s (target ≥ ${TARGET_RPS}: ${met ? 'met' : 'NOT met'}); peak RSS ${peakRss} MB`,
    );
    const record = {
      bench: 'public',
      at: new Date().toISOString(),
      machine: machineInfo(),
      duration,
      connections,
      workers,
      taskId: task.id,
      htmlCharacters: task.bytes,
      results,
      peakRssMb: peakRss,
      target: { requestsPerSecond: TARGET_RPS, met },
    };
    const file = path.join(ROOT, 'bench', 'results', `${record.at.replace(/[:.]/g, '-')}-public-sqlite.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    log(`Written ${path.relative(ROOT, file)}`);
  } finally {
    await server.stop();
  }
}

await main();
