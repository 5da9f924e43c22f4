import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth, RequireRole } from './auth/require-auth.js';
import { AppShell } from './components/app-shell.js';
import { NotFoundResult } from './components/status-results.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';

// Loaded on demand (the shell suspends around its outlet), so a unit clerk's phone never
// downloads the admin screens.
const SettingsPage = lazy(async () => ({ default: (await import('./pages/settings/settings-page.js')).SettingsPage }));
const UnitsPage = lazy(async () => ({ default: (await import('./pages/units/units-page.js')).UnitsPage }));
const UsersPage = lazy(async () => ({ default: (await import('./pages/users/users-page.js')).UsersPage }));

/** Every address the UI answers. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'settings', element: <SettingsPage /> },
      {
        path: 'admin/units',
        element: (
          <RequireRole roles={['admin']}>
            <UnitsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
