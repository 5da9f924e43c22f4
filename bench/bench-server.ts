import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The server under test: the real built CLI (`bin/luoshi.js serve`) as a child process, rebuilt
// first when the sources are newer than dist/, and its resident memory sampled from /proc.

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..');

const OUTPUTS = ['dist/server/main.js', 'dist/cli/luoshi.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name) || !/\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:server` when dist/ is missing or older than src/ (the API needs no web build). */
export function ensureServerBuilt(log: (line: string) => void): void {
  const outputs = OUTPUTS.map((file) => fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs);
  const sources = ['src/server', 'src/cli', 'src/domain', 'src/shared'].map((dir) =>
    newestSource(path.join(ROOT, dir)),
  );
  const stale = outputs.some((t) => t === undefined) || Math.max(...sources) > Math.min(...(outputs as number[]));
  if (!stale) return;
  log('Building the server (dist/ is older than src/)…');
  const build = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:server failed');
}

/** Runs the luoshi CLI to completion, passing its output through; resolves with its wall time. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/luoshi.js'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ seconds: (performance.now() - started) / 1000, output })
        : reject(new Error(`luoshi ${args[0]} exited with code ${code}`)),
    );
  });
}

/** The server child process. */
export interface RunningServer {
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `luoshi serve` and waits until /api/v1/health answers. */
export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/luoshi.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`the server exited early (code ${code})`))),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 600; attempt++) {
      try {
        if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not answer /api/v1/health within 60 s');
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return {
    pid: child.pid as number,
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process and its descendants (cluster workers) in MB (VmRSS), or 0. */
export function rssMegabytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024 + childrenOf(pid).reduce((sum, child) => sum + rssMegabytes(child), 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((thread) => fs.readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak in MB. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number; peak(): number } {
  let peak = rssMegabytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMegabytes(pid));
  }, everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMegabytes(pid));
    },
  };
}
