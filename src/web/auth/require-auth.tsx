import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../../shared/roles.js';
import { useMe } from '../api/auth.queries.js';
import { isApiError } from '../api/http.js';
import { LoadError } from '../components/load-error.js';
import { ForbiddenResult } from '../components/status-results.js';
import { CurrentUserProvider, hasAnyRole, useCurrentUser } from './current-user.js';

/** "/login?next=/where/you/were", the way back after signing in; `expired` explains why. */
export function loginPath(next: string, expired = false): string {
  const params = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (expired) params.set('expired', '1');
  const search = params.toString();
  return search ? `/login?${search}` : '/login';
}

/** Renders its children only for a signed-in person; sends everyone else to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </Flex>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    }
    return <LoadError error={me.error} onRetry={() => void me.refetch()} fullPage />;
  }
  return <CurrentUserProvider user={me.data}>{children}</CurrentUserProvider>;
}

/** Shows a 403 page unless the signed-in person holds one of the roles (the API checks too). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return hasAnyRole(user, roles) ? children : <ForbiddenResult />;
}
