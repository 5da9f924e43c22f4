/**
 * Registers public/sw.js (makes the app installable, shows an offline page; it caches nothing
 * else). Only in production builds: under the Vite dev server a worker would get in the way of
 * hot reloading, and there is nothing to install there.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After load, so the worker's own downloads never compete with the first screen.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // No worker means no install prompt and no offline page; the app itself works the same.
      console.warn('Service worker not registered', error);
    });
  });
}
