/** After `maxFailures` wrong passwords or codes in a row, an account locks for `lockMinutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export interface LockoutState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

/** Minutes left on a lock (rounded up), or 0 when the account may try to sign in. */
export function lockMinutesLeft({ state, now }: { state: LockoutState; now: Date }): number {
  if (!state.lockedUntil || state.lockedUntil.getTime() <= now.getTime()) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000);
}

/**
 * The state after one more failed attempt: the count grows, and reaching the limit locks the account
 * and starts the count again (so the next lock needs as many new failures).
 */
export function afterFailure({ state, now, policy }: { state: LockoutState; now: Date; policy: LockoutPolicy }): LockoutState {
  const failures = state.failedSignIns + 1;
  if (failures < policy.maxFailures) return { failedSignIns: failures, lockedUntil: state.lockedUntil };
  return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
}
