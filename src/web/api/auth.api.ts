import { apiRequest } from './http.js';
import type { Me } from './types.js';

export interface LoginInput {
  username: string;
  password: string;
}

/** Signs in; the server sets the session cookie. A wrong password is a 401 that must not redirect. */
export function login(input: LoginInput): Promise<{ user: Me }> {
  return apiRequest('/auth/login', { method: 'POST', body: input, skipAuthRedirect: true });
}

/** Ends the session on the server. */
export function logout(): Promise<void> {
  return apiRequest('/auth/logout', { method: 'POST', skipAuthRedirect: true });
}

/** Who is signed in; 401 when nobody is. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('/me', { signal });
}
