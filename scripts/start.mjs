#!/usr/bin/env node
// `npm start`: builds when the build is missing or older than the sources, then runs
// `luoshi serve` in the foreground, passing signals through and exiting with its code.
// Extra arguments go to serve: `npm start -- --port 8080`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const OUTPUTS = ['dist/web/index.html', 'dist/server/main.js', 'dist/cli/luoshi.js'];
const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.web.json',
];
const IGNORED = /\.test\.tsx?$/;

/** Modification time in ms, or undefined when the file does not exist. */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of any source file under `dir` (tests left out: they are not built). */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || IGNORED.test(entry.name)) continue;
    newest = Math.max(newest, mtime(path.join(entry.parentPath, entry.name)) ?? 0);
  }
  return newest;
}

function buildReason() {
  const outputTimes = OUTPUTS.map((file) => mtime(path.join(root, file)));
  const missing = OUTPUTS.filter((_, i) => outputTimes[i] === undefined);
  if (missing.length) return `${missing.join(', ')} missing`;
  const oldestOutput = Math.min(...outputTimes);
  const newestInput = Math.max(
    newestUnder(path.join(root, 'src')),
    ...INPUT_FILES.map((file) => mtime(path.join(root, file)) ?? 0),
  );
  return newestInput > oldestOutput ? 'sources changed since the last build' : undefined;
}

const reason = buildReason();
if (reason) {
  process.stdout.write(`Building Luoshi (${reason})…\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stderr.write(`The build failed (${build.error?.message ?? `exit code ${build.status}`}); not starting.\n`);
    process.exit(build.status || 1);
  }
}

const server = spawn(process.execPath, [path.join(root, 'bin', 'luoshi.js'), 'serve', ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => server.kill(signal);
for (const signal of SIGNALS) process.on(signal, forward);

server.on('exit', (code, signal) => {
  for (const s of SIGNALS) process.off(s, forward);
  // Die the way the server died, so whoever started us sees the same outcome.
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
