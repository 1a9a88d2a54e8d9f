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
  private readonly buckets = new Map<string, { level: number; at: number; fullMs: number }>();
  private lastSweep = 0;

  constructor(private readonly policy: BucketPolicy) {}

  /**
   * Takes `cost` from the caller's bucket when it holds that much and returns 0, or takes nothing
   * and returns the seconds until it will. `policy` overrides the default for this caller (an API
   * client's own budget); each bucket is forgotten only once its own policy has refilled it.
   */
  take(key: string, cost = 1, now = Date.now(), policy: BucketPolicy = this.policy): number {
    this.sweep(now);
    const { burst, perSecond } = policy;
    const fullMs = (burst / perSecond) * 1000;
    const bucket = this.buckets.get(key) ?? { level: burst, at: now, fullMs };
    const level = Math.min(burst, bucket.level + ((now - bucket.at) / 1000) * perSecond);
    if (cost > level) {
      this.buckets.set(key, { level, at: now, fullMs });
      return Math.max(1, Math.ceil((Math.min(cost, burst) - level) / perSecond));
    }
    this.buckets.set(key, { level: level - cost, at: now, fullMs });
    return 0;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > bucket.fullMs) this.buckets.delete(key);
  }
}
