import { AppError } from '../errors.js';

/** Encodes keyset position values as an opaque cursor for `nextCursor`. */
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor into `count` position values (strings, numbers or nulls). A cursor that was not
 * made by `encodeCursor` for this list is a 400, never a crash or a silently wrong page.
 */
export function decodeCursor(cursor: string, count: number): Array<string | number | null> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === count &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values as Array<string | number | null>;
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid_cursor', {}, 'cursor');
}
