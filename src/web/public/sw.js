// Luoshi's service worker. It exists so browsers treat the app as installable and so an installed
// app opened without a connection says so instead of showing the browser's error page.
//
// It deliberately caches nothing but that one offline page: not the app shell, not assets, not
// API answers. A supervision record shown from a stale cache (an old status, a deadline already
// moved, a report already returned) is worse than no page at all, and a cached index.html would
// pin people to an old build after an upgrade. Everything therefore goes to the network exactly as
// it would without a worker; only a top-level navigation that cannot reach the server gets the
// offline page.
const CACHE = 'luoshi-offline-v1';
const OFFLINE_URL = '/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(new Request(OFFLINE_URL, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Drops caches of earlier versions of this worker, then takes the open pages at once.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Not calling respondWith leaves the request to the browser, untouched: API calls, uploads,
  // downloads, assets. /api/ is never taken, not even a navigation (a file opened in a new tab).
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL).then((page) => page ?? Response.error())));
});
