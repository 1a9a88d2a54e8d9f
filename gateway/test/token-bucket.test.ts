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
