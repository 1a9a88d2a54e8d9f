import { describe, expect, it } from 'vitest';

import { afterFailure, blockedSeconds, type ThrottleState } from './sign-in-throttle.js';

const now = new Date('2026-11-28T10:00:00Z');
const policy = { freeFailures: 3, baseDelaySeconds: 60, maxDelaySeconds: 300 };
const open: ThrottleState = { failures: 0, blockedUntil: null };
const fail = (state: ThrottleState, at = now) => afterFailure({ state, now: at, policy });

describe('sign-in throttle', () => {
  it('lets the free failures pass, then blocks for the base delay', () => {
    const two = fail(fail(open));
    expect(two).toEqual({ failures: 2, blockedUntil: null });
    expect(fail(two)).toEqual({ failures: 3, blockedUntil: new Date('2026-11-28T10:01:00Z') });
  });

  it('doubles the delay with each further failure, up to the cap', () => {
    let state = fail(fail(fail(open)));
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = fail(state);
      delays.push(blockedSeconds({ state, now }));
    }
    expect(delays).toEqual([120, 240, 300, 300]);
  });

  it('tells the seconds left, rounded up, and nothing once the block has passed', () => {
    const state = { failures: 3, blockedUntil: new Date('2026-11-28T10:01:00Z') };
    expect(blockedSeconds({ state, now })).toBe(60);
    expect(blockedSeconds({ state, now: new Date('2026-11-28T10:00:59.500Z') })).toBe(1);
    expect(blockedSeconds({ state, now: new Date('2026-11-28T10:01:00Z') })).toBe(0);
    expect(blockedSeconds({ state: open, now })).toBe(0);
  });
});
