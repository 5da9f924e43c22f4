import { apiRequest } from './http.js';
import type { Health } from './types.js';

/** Liveness and version; needs no session. */
export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiRequest('/health', { signal, skipAuthRedirect: true });
}
