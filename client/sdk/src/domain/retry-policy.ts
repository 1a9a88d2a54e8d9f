// What the SDK may send twice. A request whose answer was lost (network down, a 502 from a proxy, a
// service that could not be reached) is sent again only when a second copy cannot do a second thing:
// queries, and mutations that carry an idempotency key (placeOrder: the same key from the same dealer
// returns the same order). Everything else is left to the caller, who knows whether it happened.

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** Whether sending the operation again, with these variables, is safe. */
export function isIdempotent(kind: OperationKind, variables: Record<string, unknown> | undefined): boolean {
  if (kind === 'query') return true;
  if (kind !== 'mutation' || !variables) return false;
  const key = (value: unknown) => typeof value === 'string' && value.length > 0;
  if (key(variables.idempotencyKey)) return true;
  const input = variables.input;
  return typeof input === 'object' && input !== null && key((input as Record<string, unknown>).idempotencyKey);
}

/** Whether a failure may pass if the same request is sent again: the network, a gateway or proxy in between, a service down. */
export function isTransient(failure: { network?: boolean; status?: number; code?: string }): boolean {
  if (failure.network) return true;
  if (failure.code === 'SERVICE_UNAVAILABLE') return true;
  return failure.status === 502 || failure.status === 503 || failure.status === 504;
}

/** The wait before retry number `attempt` (1, 2, ...): exponential from `baseMs`, capped, with up to 20 % jitter. */
export function backoffMs(attempt: number, baseMs = 200, capMs = 5_000, random = Math.random): number {
  const plain = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.round(plain * (1 + 0.2 * random()));
}

/**
 * The wait before retry number `attempt`: the backoff, but never less than the gateway asked for: a
 * SERVICE_UNAVAILABLE answer says when the service should be back (`retryAfterSeconds`, a crashed one
 * restarts in about two seconds), and retrying sooner only spends attempts on the same failure. A hint
 * longer than `maxHintMs` is cut to it, so one answer cannot park a caller for minutes.
 */
export function retryDelayMs(
  attempt: number,
  hintSeconds: number | undefined,
  options: { baseMs?: number; maxHintMs?: number; random?: () => number } = {},
): number {
  const backoff = backoffMs(attempt, options.baseMs, 5_000, options.random);
  if (typeof hintSeconds !== 'number' || !(hintSeconds > 0)) return backoff;
  return Math.max(backoff, Math.min(hintSeconds * 1000, options.maxHintMs ?? 30_000));
}

/** The retry hint among an answer's errors (`extensions.retryAfterSeconds`), if any gave one. */
export function retryHintSeconds(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): number | undefined {
  const hint = errors?.map((error) => error.extensions?.retryAfterSeconds).find((value) => typeof value === 'number');
  return hint as number | undefined;
}

/** Whether an answer says the access token expired (refresh and send once more). */
export function isExpiredToken(status: number, code: string | undefined): boolean {
  return code === 'TOKEN_EXPIRED' || (status === 401 && (code === undefined || code === 'UNAUTHENTICATED'));
}

/** Refresh this long before the access token expires: 30 s, or a fifth of a short lifetime. */
export function refreshLeadMs(lifetimeSeconds: number): number {
  return Math.min(30_000, lifetimeSeconds * 200);
}
