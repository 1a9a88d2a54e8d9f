import type { Redis } from 'ioredis';

import type { Logger } from '../logger.js';
import { NonceGuard, type NonceMemory } from './signature.js';

/**
 * The nonce memory every instance of a subgraph shares (REDIS_URL): a nonce is recorded with
 * `SET key 1 PX <ttl> NX`, so of two instances that receive the same signed body only the first
 * accepts it. The key lives as long as the signature's validity window (longer when the timestamp
 * lies ahead of this clock, until the timestamp alone refuses it). This process's own guard answers
 * first (a replay to the same instance costs no round trip); when Redis cannot answer, that guard
 * alone decides and a warning is logged, so a Redis outage degrades replay protection to one
 * instance's memory instead of refusing every call.
 */
export function redisNonceMemory(options: { redis: Redis; keyPrefix: string; logger: Logger; windowMs?: number }): NonceMemory {
  const local = new NonceGuard(options.windowMs);
  const windowMs = local.windowMs;
  return {
    windowMs,
    async firstUse(nonce, ts, now = Date.now()) {
      if (!local.firstUse(nonce, ts, now)) return false;
      const ttlMs = Math.max(windowMs, Math.ceil(ts + windowMs - now));
      try {
        return (await options.redis.set(`${options.keyPrefix}nonce:${nonce}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        options.logger.warn('the shared nonce memory (Redis) did not answer; this instance alone checked the nonce', {
          error: String(error),
        });
        return true;
      }
    },
  };
}
