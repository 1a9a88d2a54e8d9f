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
 * The state after one more failure: counted when the password check has failed, never for an
 * attempt that succeeds (so the right password cannot lock its owner out).
 */
export function afterFailure({ state, now, policy }: { state: ThrottleState; now: Date; policy: ThrottlePolicy }): ThrottleState {
  const failures = state.failures + 1;
  if (failures < policy.freeFailures) return { failures, blockedUntil: state.blockedUntil };
  const delay = Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures));
  return { failures, blockedUntil: new Date(now.getTime() + delay * 1000) };
}

/** How long an admitted attempt holds its slot at most (a crashed process frees it after this). */
export const ATTEMPT_LEASE_SECONDS = 60;

/** What the gate says to one attempt on one key. */
export type Admission = { kind: 'ADMIT' } | { kind: 'BLOCKED'; seconds: number } | { kind: 'BUSY' };

/**
 * Whether one more attempt may check its password now. A burst must not slip past the block, yet an
 * attempt is not a failure: each key admits only as many attempts at once as failures it has left
 * before the block (`freeFailures - failures`, at least one once past them), counting those still
 * being checked (`pending`). An attempt beyond that is BUSY (retryable at once, nothing counted): if
 * every one in flight fails the key is blocked, and if they succeed the next one is admitted.
 */
export function admission({
  state,
  pending,
  now,
  policy,
}: {
  state: ThrottleState;
  pending: number;
  now: Date;
  policy: ThrottlePolicy;
}): Admission {
  const seconds = blockedSeconds({ state, now });
  if (seconds > 0) return { kind: 'BLOCKED', seconds };
  const slots = Math.max(1, policy.freeFailures - state.failures);
  return pending < slots ? { kind: 'ADMIT' } : { kind: 'BUSY' };
}
