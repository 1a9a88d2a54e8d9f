import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { type BucketPolicy, TokenBuckets } from './token-bucket.js';

/**
 * A caller's budget, wherever it is kept: `take` charges `cost` and answers 0, or charges nothing
 * and answers the seconds to wait. `policy` overrides the budget's own for one caller (an API
 * client's budget from its token).
 */
export interface Buckets {
  take(key: string, cost?: number, policy?: BucketPolicy): Promise<number>;
}

/** Makes the budget named `name` (sign-in, cost, requests) with its default policy. */
export type BucketStore = (name: string, policy: BucketPolicy) => Buckets;

/** In this process (`npm start`, no REDIS_URL): the leaky buckets of token-bucket.ts. */
export const memoryBucketStore: BucketStore = (_name, policy) => {
  const buckets = new TokenBuckets(policy);
  return { take: async (key, cost = 1, own) => buckets.take(key, cost, Date.now(), own) };
};

/**
 * rate-limiter-flexible's script, changed in one point: a charge that does not fit is refused
 * without being counted (as a leaky bucket takes nothing from a refused caller), so a caller who
 * asks for too much at once can still spend what is left.
 */
const CHARGE_IF_IT_FITS = `redis.call('set', KEYS[1], 0, 'EX', ARGV[2], 'NX') \
local asked = tonumber(ARGV[1]) \
local consumed = tonumber(redis.call('get', KEYS[1])) \
local ttl = redis.call('pttl', KEYS[1]) \
if ttl == -1 then \
  redis.call('expire', KEYS[1], ARGV[2]) \
  ttl = 1000 * ARGV[2] \
end \
if consumed + asked > tonumber(ARGV[3]) then \
  return {consumed + asked, ttl} \
end \
return {redis.call('incrby', KEYS[1], asked), ttl} \
`;

/**
 * Shared by every gateway on one Redis (REDIS_URL), with rate-limiter-flexible: a budget of `burst`
 * points per window of `burst / perSecond` seconds (at least one), so a caller gets the same burst
 * and the same average rate as from the in-process bucket, across all gateways together. A window
 * refills at its end rather than continuously: a caller who spent the burst waits for the window's
 * end (the answer says how long). When Redis does not answer, the in-process limiter of the same
 * policy stands in (rate-limiter-flexible's insurance), so an outage of Redis never stops sign-in.
 */
export function redisBucketStore(redis: Redis, keyPrefix: string): BucketStore {
  return (name, policy) => {
    const limiters = new Map<string, RateLimiterRedis>();
    const limiterFor = ({ burst, perSecond }: BucketPolicy) => {
      const points = Math.max(1, Math.floor(burst));
      const duration = Math.max(1, Math.round(burst / perSecond));
      const id = `${points}/${duration}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${keyPrefix}limit:${name}:${id}`,
          points,
          duration,
          customIncrTtlLuaScript: CHARGE_IF_IT_FITS,
          insuranceLimiter: new RateLimiterMemory({ points, duration }),
        });
        limiters.set(id, limiter);
      }
      return limiter;
    };
    return {
      async take(key, cost = 1, own) {
        if (cost <= 0) return 0;
        try {
          await limiterFor(own ?? policy).consume(key, Math.max(1, Math.ceil(cost)));
          return 0;
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        }
      },
    };
  };
}
