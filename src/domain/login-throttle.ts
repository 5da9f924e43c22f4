/** Failures counted within this window; a lock lasts as long. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

/** Minutes (rounded up, at least 1) until the key may try again, or 0 when it is not locked. */
export function lockedMinutes(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = Date.parse(state.lockedUntil) - now.getTime();
  return ms > 0 ? Math.max(1, Math.ceil(ms / 60000)) : 0;
}

/**
 * The state after one more failure: failures in an expired window start over; reaching `maxFailures`
 * locks the key for one window. A running lock is kept: concurrent attempts that passed the lock
 * check before it was set still end here, and must not unlock the key.
 */
export function recordFailure(state: ThrottleState | undefined, now: Date, maxFailures: number): ThrottleState {
  const windowOpen = state && now.getTime() - Date.parse(state.windowStartedAt) < THROTTLE_WINDOW_MS;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now.toISOString();
  if (failures >= maxFailures) {
    return { failures: 0, windowStartedAt, lockedUntil: new Date(now.getTime() + THROTTLE_WINDOW_MS).toISOString() };
  }
  return {
    failures,
    windowStartedAt,
    lockedUntil: lockedMinutes(state, now) > 0 ? (state?.lockedUntil ?? null) : null,
  };
}
