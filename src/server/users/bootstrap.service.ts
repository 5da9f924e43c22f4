import { randomBytes } from 'node:crypto';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/connect.js';
import { countUsers } from './users.repository.js';
import { createUser } from './users.service.js';

/**
 * On first start with no users, creates `admin` with the configured password, or a generated one
 * that the caller prints once. Returns undefined when users already exist.
 */
export async function ensureFirstAdmin(
  db: Database,
  { password }: { password: string | undefined },
): Promise<{ username: string; password: string; generated: boolean } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const generated = !password;
  const chosen = password ?? randomBytes(15).toString('base64url');
  await createUser(db, {
    username: 'admin',
    displayName: '系统管理员',
    password: chosen,
    roles: ['admin'],
    actor: systemActor('first-start'),
  });
  return { username: 'admin', password: chosen, generated };
}
