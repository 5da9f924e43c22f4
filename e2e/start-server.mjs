// Starts the built Luoshi server for the browser tests: a fresh SQLite database in a temporary
// directory, a known admin password, and nothing left behind when Playwright stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_ADMIN_PASSWORD, E2E_PORT } from './e2e-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'luoshi-e2e-'));

const server = spawn(
  process.execPath,
  ['bin/luoshi.js', 'serve', '--port', String(E2E_PORT), '--host', '127.0.0.1', '--data', dataDir],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      LUOSHI_DATA_DIR: dataDir,
      LUOSHI_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LUOSHI_LOG_LEVEL: process.env.LUOSHI_LOG_LEVEL ?? 'warn',
      // Tests sign in many times from one address; keep the lock-out for the wrong-password test only.
      LUOSHI_LOGIN_IP_MAX_FAILURES: '1000',
      // Every answer the browser tests cause is checked against its response schema.
      LUOSHI_CHECK_RESPONSES: 'true',
    },
  },
);

function cleanUp() {
  rmSync(dataDir, { recursive: true, force: true });
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.kill(signal);
  });
}

server.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
