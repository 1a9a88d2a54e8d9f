/** Capacity and refill of a bucket: `burst` at once, then `perSecond` on average. */
export interface BucketPolicy {
  burst: number;
  perSecond: number;
}

/**
 * Leaky buckets keyed by caller, in memory (one gateway instance; several instances each keep
 * their own, which multiplies the budget by the number of instances). Buckets that refilled
 * completely are forgotten, so the map stays as small as the set of active callers.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { level: number; at: number }>();
  private lastSweep = 0;

  constructor(private readonly policy: BucketPolicy) {}

  /**
   * Takes `cost` from the caller's bucket when it holds that much and returns 0, or takes nothing
   * and returns the seconds until it will. `policy` overrides the default for this caller (an API
   * client's own budget); a caller keeps one policy, or its bucket refills by the default's sweep.
   */
  take(key: string, cost = 1, now = Date.now(), policy: BucketPolicy = this.policy): number {
    this.sweep(now);
    const { burst, perSecond } = policy;
    const bucket = this.buckets.get(key) ?? { level: burst, at: now };
    const level = Math.min(burst, bucket.level + ((now - bucket.at) / 1000) * perSecond);
    if (cost > level) {
      this.buckets.set(key, { level, at: now });
      return Math.max(1, Math.ceil((Math.min(cost, burst) - level) / perSecond));
    }
    this.buckets.set(key, { level: level - cost, at: now });
    return 0;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const full = (this.policy.burst / this.policy.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}
