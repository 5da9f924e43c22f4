import { apiRequest } from './http.js';
import type { CreatedToken, ItemList, Token } from './types.js';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes the signed-in person's own password. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiRequest('/me/password', { method: 'POST', body: input });
}

/** The signed-in person's API tokens, including revoked and expired ones. */
export function listTokens(signal?: AbortSignal): Promise<ItemList<Token>> {
  return apiRequest('/me/tokens', { signal });
}

export interface CreateTokenInput {
  name: string;
  expiresInDays?: number;
}

/** Creates a token; the answer holds the secret, which is never shown again. */
export function createToken(input: CreateTokenInput): Promise<CreatedToken> {
  return apiRequest('/me/tokens', { method: 'POST', body: input });
}

/** Revokes one of the signed-in person's tokens. */
export function revokeToken(id: number): Promise<void> {
  return apiRequest(`/me/tokens/${id}`, { method: 'DELETE' });
}
