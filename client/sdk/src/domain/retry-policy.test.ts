import { describe, expect, it } from 'vitest';

import { backoffMs, isExpiredToken, isIdempotent, isTransient, refreshLeadMs, retryDelayMs, retryHintSeconds } from './retry-policy.js';

describe('retry policy', () => {
  it('retries queries and mutations that carry an idempotency key, nothing else', () => {
    expect(isIdempotent('query', undefined)).toBe(true);
    expect(isIdempotent('mutation', { input: { idempotencyKey: 'po-1', lines: [] } })).toBe(true);
    expect(isIdempotent('mutation', { idempotencyKey: 'k' })).toBe(true);
    expect(isIdempotent('mutation', { input: { idempotencyKey: '' } })).toBe(false);
    expect(isIdempotent('mutation', { lines: [{ sku: 'A', quantity: 1 }] })).toBe(false);
    expect(isIdempotent('mutation', undefined)).toBe(false);
    expect(isIdempotent('subscription', {})).toBe(false);
  });

  it('counts the network, 502-504 and SERVICE_UNAVAILABLE as transient; refusals and bad input are not', () => {
    expect(
      [{ network: true }, { status: 502 }, { status: 503 }, { status: 504 }, { code: 'SERVICE_UNAVAILABLE' }].map(isTransient),
    ).toEqual([true, true, true, true, true]);
    expect([{ status: 400 }, { status: 401 }, { status: 500 }, { code: 'FORBIDDEN' }, {}].map(isTransient)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('waits exponentially longer, capped, with bounded jitter', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 200, 5_000, () => 0))).toEqual([200, 400, 800, 1600]);
    expect(backoffMs(10, 200, 5_000, () => 0)).toBe(5_000);
    expect(backoffMs(1, 200, 5_000, () => 1)).toBe(240);
  });

  it("waits at least the gateway's retry hint, never for minutes on one answer's say", () => {
    const noJitter = { baseMs: 200, random: () => 0 };
    expect(retryDelayMs(1, undefined, noJitter)).toBe(200);
    expect(retryDelayMs(1, 2, noJitter)).toBe(2_000);
    // A backoff already longer than the hint stays.
    expect(retryDelayMs(5, 2, noJitter)).toBe(3_200);
    expect(retryDelayMs(1, 3_600, noJitter)).toBe(30_000);
    expect(retryDelayMs(1, -1, noJitter)).toBe(200);
    const unavailable = [{ extensions: { code: 'SERVICE_UNAVAILABLE', service: 'orders', retryAfterSeconds: 2 } }];
    expect(retryHintSeconds(unavailable)).toBe(2);
    expect(retryHintSeconds([{ extensions: { code: 'FORBIDDEN' } }])).toBeUndefined();
    expect(retryHintSeconds(undefined)).toBeUndefined();
  });

  it('tells an expired token from other refusals, and refreshes ahead of expiry', () => {
    expect(isExpiredToken(401, 'TOKEN_EXPIRED')).toBe(true);
    expect(isExpiredToken(200, 'TOKEN_EXPIRED')).toBe(true);
    expect(isExpiredToken(401, undefined)).toBe(true);
    expect(isExpiredToken(401, 'INVALID_AUTHORIZATION')).toBe(false);
    expect(isExpiredToken(403, 'FORBIDDEN')).toBe(false);
    expect(refreshLeadMs(900)).toBe(30_000);
    expect(refreshLeadMs(10)).toBe(2_000);
  });
});
