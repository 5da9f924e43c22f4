import type { UserFilters } from './users.api.js';

/** Every TanStack Query key in one place, so writes invalidate exactly what they change. */
export const queryKeys = {
  health: ['health'] as const,
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  units: ['units'] as const,
  unitList: (includeArchived: boolean) => ['units', { includeArchived }] as const,
  users: ['users'] as const,
  userList: (filters: UserFilters) => ['users', filters] as const,
};
