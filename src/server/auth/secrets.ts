import { createHash, randomBytes } from 'node:crypto';

/** A new random secret, base64url, with an optional recognisable prefix. */
export function newSecret(prefix = '', bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** Secrets (session ids, API tokens) are stored only as their SHA-256, so a database leak reveals none. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
