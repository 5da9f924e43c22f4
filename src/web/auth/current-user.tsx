import { createContext, type ReactNode, useContext } from 'react';
import type { Role } from '../../shared/roles.js';
import type { Me } from '../api/types.js';

const CurrentUserContext = createContext<Me | null>(null);

/** Makes the signed-in person available below the auth gate. */
export function CurrentUserProvider({ user, children }: { user: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in person; only valid inside the auth gate, which guarantees one. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
}

/** True when the person holds at least one of the roles. */
export function hasAnyRole(user: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
