import type { Role } from '../../shared/roles.js';
import { apiRequest } from './http.js';
import type { Page, User } from './types.js';

export interface UserFilters {
  q?: string;
  unitId?: number;
  role?: Role;
  active?: boolean;
}

/** One page of people matching the filters; pass `nextCursor` back for the next page. */
export function listUsers(
  filters: UserFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<User>> {
  return apiRequest('/users', { query: { ...filters }, signal });
}

export function getUser(id: number, signal?: AbortSignal): Promise<User> {
  return apiRequest(`/users/${id}`, { signal });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  unitId?: number | null;
  roles: Role[];
  unitsInChargeIds?: number[];
  email?: string;
  phone?: string;
}

/** Creates an account; 409 username_taken on the username field. */
export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest('/users', { method: 'POST', body: input });
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  unitId?: number | null;
  roles?: Role[];
  unitsInChargeIds?: number[];
  email?: string | null;
  phone?: string | null;
}

export function updateUser(id: number, input: UpdateUserInput): Promise<User> {
  return apiRequest(`/users/${id}`, { method: 'PATCH', body: input });
}

export function deactivateUser(id: number, version: number): Promise<User> {
  return apiRequest(`/users/${id}/deactivate`, { method: 'POST', body: { version } });
}

export function activateUser(id: number, version: number): Promise<User> {
  return apiRequest(`/users/${id}/activate`, { method: 'POST', body: { version } });
}

/** Sets a new password for someone else; the server ends their sessions. */
export function resetUserPassword(id: number, password: string): Promise<void> {
  return apiRequest(`/users/${id}/reset-password`, { method: 'POST', body: { password } });
}
