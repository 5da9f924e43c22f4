import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../shared/roles.js';
import { buildApp } from '../app.js';
import { systemActor } from '../auth/actor.js';
import { ensureCalendarSeeded } from '../calendar/calendar-seed.service.js';
import { type Config, loadConfig } from '../config.js';
import { createDatabase, type Database, type Dialect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { ZodApp } from '../http/route-deps.js';
import { createUnit } from '../units/units.service.js';
import { createUser } from '../users/users.service.js';
import { createTestDatabaseConfig } from './test-database.js';

export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestApp {
  app: ZodApp;
  db: Database;
  dialect: Dialect;
  config: Config;
  /** Signs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a user directly through the service (fast set-up), password `password-123`. */
  makeUser(username: string, roles: Role[], extra?: { unitId?: number; unitsInChargeIds?: number[] }): Promise<number>;
  /** Creates a unit directly through the service. */
  makeUnit(name: string, parentId?: number | null): Promise<{ id: number; version: number }>;
  close(): Promise<void>;
}

/**
 * A real app on a fresh, migrated database of the dialect under test, with user `admin`
 * (password ADMIN_PASSWORD). Everything goes through the real routes, services and SQL.
 */
export async function createTestApp(configOverrides: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabaseConfig();
  // A data dir of its own (uploaded files live there), removed on close, unless the test names one.
  const dataDir = configOverrides.LUOSHI_DATA_DIR ? undefined : await mkdtemp(path.join(tmpdir(), 'luoshi-test-'));
  const config = loadConfig(
    { LUOSHI_LOG_LEVEL: 'silent', LUOSHI_CHECK_RESPONSES: 'true', ...configOverrides },
    { database, ...(dataDir ? { dataDir } : {}) },
  );
  const { db, dialect } = createDatabase(config.database);
  await migrateToLatest(db);
  await ensureCalendarSeeded(db);
  const actor = systemActor('test');
  await createUser(db, { username: 'admin', displayName: 'Admin', password: ADMIN_PASSWORD, roles: ['admin'], actor });
  const app = await buildApp({ config, db, dialect, logger: false });
  await app.ready();

  return {
    app,
    db,
    dialect,
    config,
    async login(username, password = username === 'admin' ? ADMIN_PASSWORD : 'password-123') {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return cookieFrom(res);
    },
    async makeUser(username, roles, extra = {}) {
      const user = await createUser(db, {
        username,
        displayName: username,
        password: 'password-123',
        roles,
        unitId: extra.unitId ?? null,
        unitsInChargeIds: extra.unitsInChargeIds ?? [],
        actor,
      });
      return user.id;
    },
    async makeUnit(name, parentId = null) {
      const unit = await createUnit(db, { name, parentId, actor });
      return { id: unit.id, version: unit.version };
    },
    async close() {
      await app.close();
      await db.destroy();
      await drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` of the session cookie a response set. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'luoshi_session');
  if (!cookie) throw new Error('no session cookie in response');
  return `${cookie.name}=${cookie.value}`;
}
