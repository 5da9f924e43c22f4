import type { Selectable } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { ApiTokenTable } from '../db/schema.js';

export type TokenRow = Selectable<ApiTokenTable>;

/** A user's tokens, newest first (api_tokens_user_idx). */
export function listTokenRows(db: Executor, userId: number): Promise<TokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

/** Stores a token (its hash only) and returns the row. */
export function insertToken(
  db: Executor,
  values: {
    user_id: number;
    name: string;
    token_hash: string;
    prefix: string;
    created_at: string;
    expires_at: string | null;
  },
): Promise<TokenRow> {
  return db.insertInto('api_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A token of one user, by id. */
export function findUserToken(db: Executor, userId: number, id: number): Promise<TokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Marks a token revoked. */
export async function revokeTokenRow(db: Executor, id: number, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The usable token with this hash, if any (unique index on token_hash). */
export function findUsableToken(db: Executor, tokenHash: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** Records when a token was last used. */
export async function touchToken(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
