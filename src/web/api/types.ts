// The API's answer shapes come from the zod schemas the server validates its responses with.
export type { Health, Me, Token, Unit, User } from '../../shared/api-schemas.js';

import type { Token } from '../../shared/api-schemas.js';

export interface CreatedToken {
  token: string;
  item: Token;
}

export interface ItemList<T> {
  items: T[];
}

export interface Page<T> extends ItemList<T> {
  nextCursor: string | null;
}
