import { describe, expect, it } from 'vitest';

import { TokenBuckets } from '../src/security/token-bucket.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then refuses with the seconds to wait, and refills over time', () => {
    const buckets = new TokenBuckets({ burst: 3, perSecond: 0.5 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('a', 1, t0))).toEqual([0, 0, 0]);
    expect(buckets.take('a', 1, t0)).toBe(2);
    expect(buckets.take('b', 1, t0)).toBe(0);
    expect(buckets.take('a', 1, t0 + 2_000)).toBe(0);
    expect(buckets.take('a', 1, t0 + 2_000)).toBe(2);
  });

  it('charges a cost and refuses one larger than what is left, taking nothing', () => {
    const buckets = new TokenBuckets({ burst: 100, perSecond: 10 });
    expect(buckets.take('a', 80, 0)).toBe(0);
    expect(buckets.take('a', 30, 0)).toBe(1);
    expect(buckets.take('a', 20, 0)).toBe(0);
  });
});

describe('TokenBuckets with a caller of its own policy', () => {
  it("keeps each caller's own budget, and forgets its bucket only once that policy refilled it", () => {
    const buckets = new TokenBuckets({ burst: 1000, perSecond: 1000 });
    const own = { burst: 100, perSecond: 1 };
    expect(buckets.take('client', 100, 100_000, own)).toBe(0);
    expect(buckets.take('client', 10, 100_000, own)).toBe(10);
    expect(buckets.take('user', 500, 100_000)).toBe(0);
    // A sweep long after the default policy's refill time (1 s), before the client's own (100 s):
    // the client's half-empty bucket stays.
    expect(buckets.take('other', 1, 160_000)).toBe(0);
    expect(buckets.take('client', 100, 160_000, own)).toBe(40);
  });
});
