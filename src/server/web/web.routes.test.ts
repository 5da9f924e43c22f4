import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabaseConfig } from '../test/test-database.js';

// The web build is served as the build left it: a hashed asset as its Brotli or gzip copy when the
// browser takes one (scripts/compress-web.mjs writes them), the plain file otherwise, cached for a
// year; any other path gets index.html, never cached.

let app: Awaited<ReturnType<typeof buildApp>>;
let webDir = '';
let close: () => Promise<void>;
const script = `console.log(${JSON.stringify('落实'.repeat(2000))});`;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'luoshi-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>落实</title>');
  await writeFile(path.join(webDir, 'assets', 'app-1234.js'), script);
  await writeFile(path.join(webDir, 'assets', 'app-1234.js.br'), zlib.brotliCompressSync(script));
  await writeFile(path.join(webDir, 'assets', 'app-1234.js.gz'), zlib.gzipSync(script));
  const { database, drop } = await createTestDatabaseConfig();
  const config = loadConfig({ LUOSHI_LOG_LEVEL: 'silent' }, { database, dataDir: webDir });
  const { db, dialect } = createDatabase(config.database);
  await migrateToLatest(db);
  app = await buildApp({ config, db, dialect, logger: false, webDir });
  await app.ready();
  close = async () => {
    await app.close();
    await db.destroy();
    await drop();
    await rm(webDir, { recursive: true, force: true });
  };
});
afterAll(() => close());

describe('registerWebRoutes', () => {
  it('should send the Brotli copy of an asset to a browser that takes Brotli', async () => {
    const res = await app.inject({ url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('should send gzip to a browser without Brotli, and the plain file to one without either', async () => {
    const gz = await app.inject({ url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/app-1234.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('should answer a client route with index.html, not cached', async () => {
    const res = await app.inject({ url: '/cockpit?unitId=3' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>落实</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
