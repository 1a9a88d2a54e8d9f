/**
 * Progressive backoff of failed sign-ins, counted per key (an account, or an account from one
 * address): `freeFailures` failures in a row pass, then each further failure blocks the key for
 * `baseDelaySeconds`, doubling up to `maxDelaySeconds`.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** One address guessing at one account: it is slowed down quickly. */
export const PER_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelaySeconds: 60, maxDelaySeconds: 15 * 60 };
/** Everyone guessing at one account (many addresses): slowed down later, for longer. */
export const PER_ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 50, baseDelaySeconds: 60, maxDelaySeconds: 60 * 60 };

export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
}

/** Seconds left on a block (rounded up), or 0 when the key may try. */
export function blockedSeconds({ state, now }: { state: ThrottleState; now: Date }): number {
  if (!state.blockedUntil || state.blockedUntil.getTime() <= now.getTime()) return 0;
  return Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
}

/**
 * The state after one more failure. Failures are counted before the password is checked (and
 * forgiven on success), so a burst of parallel guesses cannot all slip in before the block.
 */
export function afterFailure({ state, now, policy }: { state: ThrottleState; now: Date; policy: ThrottlePolicy }): ThrottleState {
  const failures = state.failures + 1;
  if (failures < policy.freeFailures) return { failures, blockedUntil: state.blockedUntil };
  const delay = Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures));
  return { failures, blockedUntil: new Date(now.getTime() + delay * 1000) };
}
