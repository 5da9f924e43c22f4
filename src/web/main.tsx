import './i18n/index.js';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { prefetchCockpit } from './api/cockpit.api.js';
import { configureApi } from './api/http.js';
import { queryKeys } from './api/query-keys.js';
import { AppProviders, queryClient } from './app-providers.js';
import { loginPath } from './auth/require-auth.js';
import { currentLocale } from './i18n/index.js';
import { registerServiceWorker } from './lib/service-worker.js';
import { router } from './routes.js';

configureApi({
  getLanguage: currentLocale,
  // The session ended (expired, signed out elsewhere, password reset): back to the login page,
  // remembering where the person was.
  onUnauthorized: () => {
    const { pathname, search } = router.state.location;
    if (pathname === '/login') return;
    const hadSession = queryClient.getQueryData(queryKeys.me) !== undefined;
    void router
      .navigate(loginPath(pathname + search, hadSession), { replace: true })
      .then(() => queryClient.removeQueries());
  },
});

// Landing on the cockpit (leaders and supervisors do after signing in), its figures are fetched at
// once, beside the session check, instead of after the page's code and first render.
if (window.location.pathname === '/cockpit') prefetchCockpit(window.location.search);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

registerServiceWorker();
