import type { Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** A visitor's satisfaction rating of a public task (migration 0015), held for moderation. */
export interface PublicRatingTable {
  id: Generated<number>;
  task_id: number;
  /** 1–5. */
  rating: number;
  /** Trimmed plain text (escaped on output), or null. */
  comment: string | null;
  /** pending | approved | rejected */
  status: string;
  /** HMAC-SHA-256 of the visitor's address under `public_secrets.address_salt`: never the address. */
  address_hash: string;
  created_at: Timestamp;
  moderated_by: number | null;
  moderated_at: Timestamp | null;
  version: number;
}

/** Server-side secrets of the public page, by name (`address_salt`). */
export interface PublicSecretTable {
  name: string;
  value: string;
}

/** Tables added by the public accountability page. */
export interface PublicTables {
  public_ratings: PublicRatingTable;
  public_secrets: PublicSecretTable;
}
