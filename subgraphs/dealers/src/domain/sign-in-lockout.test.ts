import { describe, expect, it } from 'vitest';
import { afterFailure, lockMinutesLeft, type LockoutState } from './sign-in-lockout.js';

const now = new Date('2026-11-28T10:00:00Z');
const policy = { maxFailures: 3, lockMinutes: 15 };
const open: LockoutState = { failedSignIns: 0, lockedUntil: null };

describe('sign-in lockout', () => {
  it('counts failures and locks at the limit, starting the count again', () => {
    const one = afterFailure({ state: open, now, policy });
    const two = afterFailure({ state: one, now, policy });
    expect(two).toEqual({ failedSignIns: 2, lockedUntil: null });
    const locked = afterFailure({ state: two, now, policy });
    expect(locked).toEqual({ failedSignIns: 0, lockedUntil: new Date('2026-11-28T10:15:00Z') });
  });

  it('tells the minutes left, rounded up, and nothing once the lock has passed', () => {
    const state = { failedSignIns: 0, lockedUntil: new Date('2026-11-28T10:15:00Z') };
    expect(lockMinutesLeft({ state, now })).toBe(15);
    expect(lockMinutesLeft({ state, now: new Date('2026-11-28T10:14:01Z') })).toBe(1);
    expect(lockMinutesLeft({ state, now: new Date('2026-11-28T10:15:00Z') })).toBe(0);
    expect(lockMinutesLeft({ state: open, now })).toBe(0);
  });
});
