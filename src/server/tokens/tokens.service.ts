import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { actorFromUser } from '../auth/auth.service.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { attachOneUserDetails } from '../users/users.repository.js';
import {
  findUsableToken,
  findUserToken,
  insertToken,
  listTokenRows,
  revokeTokenRow,
  type TokenRow,
  touchToken,
} from './tokens.repository.js';

const TOKEN_PREFIX = 'lsh_';
/** Record last use at most this often, so token-authenticated reads stay cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

function ownerId(actor: Actor): number {
  assertAllowed(can.manageOwnTokens(actor));
  return actor.userId as number;
}

/** The caller's own tokens. */
export function listTokens(db: Database, { actor }: { actor: Actor }): Promise<TokenRow[]> {
  return listTokenRows(db, ownerId(actor));
}

/** Creates a personal API token; the raw token is returned here once and never again. */
export async function createToken(
  db: Database,
  { name, expiresInDays, actor }: { name: string; expiresInDays?: number | undefined; actor: Actor },
): Promise<{ token: string; row: TokenRow }> {
  const userId = ownerId(actor);
  const token = newSecret(TOKEN_PREFIX);
  const now = new Date();
  return inTransaction(db, async (trx) => {
    const row = await insertToken(trx, {
      user_id: userId,
      name,
      token_hash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      created_at: now.toISOString(),
      expires_at: expiresInDays ? new Date(now.getTime() + expiresInDays * 86400000).toISOString() : null,
    });
    await insertAuditEntry(trx, actor, {
      action: 'token.create',
      objectType: 'token',
      objectId: row.id,
      detail: { name },
    });
    return { token, row };
  });
}

/** Revokes one of the caller's tokens; another user's token is "not found". */
export async function revokeToken(db: Database, { tokenId, actor }: { tokenId: number; actor: Actor }): Promise<void> {
  const userId = ownerId(actor);
  await inTransaction(db, async (trx) => {
    const row = await findUserToken(trx, userId, tokenId);
    if (!row) throw new AppError('not_found', { object: 'token' });
    await revokeTokenRow(trx, tokenId, nowIso());
    await insertAuditEntry(trx, actor, { action: 'token.revoke', objectType: 'token', objectId: tokenId });
  });
}

/** The actor behind a bearer token, or undefined when it is unknown, revoked, expired or its user inactive. */
export async function resolveToken(
  db: Database,
  token: string,
  meta: { ip: string | null; requestId: string | null },
): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const now = nowIso();
  const found = await findUsableToken(db, hashSecret(token), now);
  if (!found) return undefined;
  if (!found.last_used_at || Date.parse(now) - Date.parse(found.last_used_at) > TOUCH_INTERVAL_MS) {
    await touchToken(db, found.id, now);
  }
  const row = await db.selectFrom('users').selectAll().where('id', '=', found.user_id).executeTakeFirstOrThrow();
  return actorFromUser(await attachOneUserDetails(db, row), 'token', meta);
}
