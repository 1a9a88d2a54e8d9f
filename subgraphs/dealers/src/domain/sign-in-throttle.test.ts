import { describe, expect, it } from 'vitest';

import { admission, afterFailure, blockedSeconds, type ThrottleState } from './sign-in-throttle.js';

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

  it('admits as many attempts at once as failures are left before the block, then answers BUSY', () => {
    const gate = (state: ThrottleState, pending: number) => admission({ state, pending, now, policy }).kind;
    expect([0, 1, 2, 3].map((pending) => gate(open, pending))).toEqual(['ADMIT', 'ADMIT', 'ADMIT', 'BUSY']);
    expect(gate({ failures: 2, blockedUntil: null }, 1)).toBe('BUSY');
    // Past the free failures, once the block has passed: one attempt at a time.
    const past = { failures: 4, blockedUntil: new Date('2026-11-28T09:59:00Z') };
    expect([gate(past, 0), gate(past, 1)]).toEqual(['ADMIT', 'BUSY']);
    expect(admission({ state: fail(fail(fail(open))), pending: 0, now, policy })).toEqual({ kind: 'BLOCKED', seconds: 60 });
  });
});
