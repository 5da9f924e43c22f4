import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The ConfigError a bad environment throws (fails the test if none is thrown). */
function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('should start with no configuration at all on SQLite in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      database: { kind: 'sqlite', file: path.resolve('./data/luoshi.sqlite') },
      adminPassword: undefined,
      logLevel: 'info',
      trustProxy: false,
      publicOrigin: undefined,
      sessionDays: 7,
      loginMaxFailures: 5,
      loginIpMaxFailures: 30,
      bodyLimitBytes: 1048576,
    });
  });

  it('should return a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('should treat empty strings as unset', () => {
    const config = loadConfig({ PORT: '', LUOSHI_LOG_LEVEL: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.database.kind).toBe('sqlite');
  });

  it('should choose PostgreSQL when DATABASE_URL is a postgres URL', () => {
    for (const url of ['postgres://luoshi@db:5432/luoshi', 'postgresql://luoshi@db/luoshi']) {
      const config = loadConfig({ DATABASE_URL: url, LUOSHI_PG_POOL_SIZE: '4' });
      expect(config.database).toEqual({ kind: 'postgres', url, poolSize: 4 });
    }
  });

  it('should put the SQLite file in LUOSHI_DATA_DIR', () => {
    const config = loadConfig({ LUOSHI_DATA_DIR: '/var/lib/luoshi' });
    expect(config.database).toEqual({ kind: 'sqlite', file: '/var/lib/luoshi/luoshi.sqlite' });
  });

  it('should parse numbers and yes/no flags', () => {
    const config = loadConfig({ PORT: '8080', LUOSHI_TRUST_PROXY: 'yes', LUOSHI_LOGIN_MAX_FAILURES: '3' });
    expect(config).toMatchObject({ port: 8080, trustProxy: true, loginMaxFailures: 3 });
    expect(loadConfig({ LUOSHI_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('should move the SQLite file with a dataDir override', () => {
    const config = loadConfig({}, { dataDir: '/tmp/luoshi-elsewhere' });
    expect(config.database).toEqual({ kind: 'sqlite', file: '/tmp/luoshi-elsewhere/luoshi.sqlite' });
  });

  it('should list every bad variable at once', () => {
    const error = configErrorFor({ PORT: 'abc', LUOSHI_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT', 'LUOSHI_LOG_LEVEL', 'DATABASE_URL']) {
      expect(error.problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
      expect(error.message).toContain(name);
    }
  });

  it('should refuse out-of-range numbers, unknown flags and a public origin with a path', () => {
    const error = configErrorFor({
      PORT: '70000',
      LUOSHI_TRUST_PROXY: 'maybe',
      LUOSHI_PUBLIC_ORIGIN: 'https://luoshi.example.gov.cn/app',
      LUOSHI_ADMIN_PASSWORD: 'short',
    });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'LUOSHI_ADMIN_PASSWORD',
      'LUOSHI_PUBLIC_ORIGIN',
      'LUOSHI_TRUST_PROXY',
      'PORT',
    ]);
  });

  it('should read the notification channels: email off by default, links from the public address', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://localhost:3000',
      defaultLocale: 'zh-CN',
      digestHour: 8,
    });
    expect(loadConfig({ LUOSHI_PUBLIC_ORIGIN: 'https://luoshi.example.gov.cn' }).publicUrl).toBe(
      'https://luoshi.example.gov.cn',
    );
    const config = loadConfig({
      LUOSHI_SMTP_URL: 'smtps://luoshi:pw@mail.example.gov.cn:465',
      LUOSHI_PUBLIC_URL: 'https://gov.example.cn/luoshi/',
      LUOSHI_DEFAULT_LOCALE: 'en',
      LUOSHI_DIGEST_HOUR: '7',
    });
    expect(config).toMatchObject({ publicUrl: 'https://gov.example.cn/luoshi', defaultLocale: 'en', digestHour: 7 });
  });

  it("should serve the package's own web UI unless LUOSHI_WEB_DIR names another", () => {
    expect(loadConfig({}).webDir).toBeUndefined();
    expect(loadConfig({ LUOSHI_WEB_DIR: 'build/web' }).webDir).toBe(path.resolve('build/web'));
    const error = configErrorFor({ LUOSHI_SMTP_URL: 'luoshi:s3cret@mailhost', LUOSHI_DIGEST_HOUR: '24' });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LUOSHI_DIGEST_HOUR', 'LUOSHI_SMTP_URL']);
    expect(error.message).not.toContain('s3cret');
  });
});
