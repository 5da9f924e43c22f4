import { describe, expect, it } from 'vitest';
import { lockedMinutes, recordFailure, THROTTLE_WINDOW_MS, type ThrottleState } from './login-throttle.js';

const start = new Date('2026-11-27T08:00:00.000Z');

function later(ms: number): Date {
  return new Date(start.getTime() + ms);
}

/** The state after `count` failures, one second apart, starting at `start`. */
function failTimes(count: number, maxFailures: number): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < count; i++) state = recordFailure(state, later(i * 1000), maxFailures);
  return state;
}

describe(recordFailure.name, () => {
  it('should start a new window at the first failure', () => {
    expect(recordFailure(undefined, start, 5)).toEqual({
      failures: 1,
      windowStartedAt: start.toISOString(),
      lockedUntil: null,
    });
  });

  it('should count failures within the window without locking below the maximum', () => {
    const state = failTimes(4, 5);
    expect(state).toEqual({ failures: 4, windowStartedAt: start.toISOString(), lockedUntil: null });
  });

  it('should lock for one window when the maximum is reached', () => {
    const state = failTimes(5, 5);
    expect(state?.lockedUntil).toBe(new Date(later(4000).getTime() + THROTTLE_WINDOW_MS).toISOString());
    expect(state?.failures).toBe(0);
  });

  it('should start counting again when the window has passed', () => {
    const state = recordFailure(failTimes(4, 5), later(THROTTLE_WINDOW_MS + 1), 5);
    expect(state).toEqual({
      failures: 1,
      windowStartedAt: later(THROTTLE_WINDOW_MS + 1).toISOString(),
      lockedUntil: null,
    });
  });

  it('should keep a running lock when a failure that slipped past it arrives late', () => {
    const locked = failTimes(5, 5);
    const state = recordFailure(locked, later(6000), 5);
    expect(state.lockedUntil).toBe(locked?.lockedUntil);
    expect(lockedMinutes(state, later(6000))).toBeGreaterThan(0);
  });

  it('should extend the lock when failures reach the maximum again while locked', () => {
    let state = failTimes(5, 5);
    for (let i = 0; i < 5; i++) state = recordFailure(state, later(60_000 + i), 5);
    expect(state?.lockedUntil).toBe(new Date(later(60_004).getTime() + THROTTLE_WINDOW_MS).toISOString());
  });

  it('should lock at once when the maximum is one', () => {
    expect(recordFailure(undefined, start, 1).lockedUntil).not.toBeNull();
  });
});

describe(lockedMinutes.name, () => {
  it('should be 0 for an unknown key or a key that is not locked', () => {
    expect(lockedMinutes(undefined, start)).toBe(0);
    expect(lockedMinutes(failTimes(2, 5), start)).toBe(0);
  });

  it('should round the remaining time up to whole minutes', () => {
    const state = recordFailure(undefined, start, 1);
    expect(lockedMinutes(state, start)).toBe(15);
    expect(lockedMinutes(state, later(THROTTLE_WINDOW_MS - 61_000))).toBe(2);
    expect(lockedMinutes(state, later(THROTTLE_WINDOW_MS - 1))).toBe(1);
  });

  it('should be 0 once the lock has run out', () => {
    const state = recordFailure(undefined, start, 1);
    expect(lockedMinutes(state, later(THROTTLE_WINDOW_MS))).toBe(0);
    expect(lockedMinutes(state, later(THROTTLE_WINDOW_MS + 60_000))).toBe(0);
  });
});
