import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';

import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

import { memoryBucketStore, redisBucketStore } from '../src/security/bucket-store.js';

/**
 * The budgets kept in Redis (REDIS_URL) against the machine's Redis, each test under keys of its
 * own: the same burst and refusals as the in-process buckets (token-bucket.test.ts), and the
 * in-process stand-in when Redis does not answer. Skips without a Redis; fails under CI instead.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const url = new URL(REDIS_URL);
  const probe = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  probe.once('connect', () => (probe.end(), resolve(true)));
  probe.once('error', () => resolve(false));
});
if (!redisUp && process.env.CI) throw new Error(`CI runs Redis, but ${REDIS_URL} does not answer: start it or set REDIS_URL`);

describe.skipIf(!redisUp)('budgets in Redis', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  const prefix = () => `dealergraph-test:${randomUUID()}:`;
  afterAll(() => redis.disconnect());

  it('lets a burst through, then refuses with the seconds to wait, per caller', async () => {
    const buckets = redisBucketStore(redis, prefix())('sign-in', { burst: 3, perSecond: 0.5 });
    expect([await buckets.take('a'), await buckets.take('a'), await buckets.take('a')]).toEqual([0, 0, 0]);
    const wait = await buckets.take('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(6);
    expect(await buckets.take('b')).toBe(0);
  });

  it('refuses a charge larger than what is left without counting it, as the in-process bucket does', async () => {
    const policy = { burst: 100, perSecond: 0.1 };
    for (const buckets of [redisBucketStore(redis, prefix())('cost', policy), memoryBucketStore('cost', policy)]) {
      expect(await buckets.take('a', 80)).toBe(0);
      expect(await buckets.take('a', 30)).toBeGreaterThan(0);
      expect(await buckets.take('a', 20)).toBe(0);
      expect(await buckets.take('a', 1)).toBeGreaterThan(0);
    }
  });

  it("keeps a caller's own policy apart from the default one", async () => {
    const buckets = redisBucketStore(redis, prefix())('cost', { burst: 1_000, perSecond: 1_000 });
    const own = { burst: 100, perSecond: 1 };
    expect(await buckets.take('client', 100, own)).toBe(0);
    expect(await buckets.take('client', 10, own)).toBeGreaterThan(0);
    expect(await buckets.take('client', 500)).toBe(0);
  });

  it('counts in this process when Redis does not answer, with the same policy', async () => {
    const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, commandTimeout: 1_000, lazyConnect: true });
    down.on('error', () => {});
    try {
      const buckets = redisBucketStore(down, prefix())('sign-in', { burst: 2, perSecond: 1 / 60 });
      expect([await buckets.take('a'), await buckets.take('a')]).toEqual([0, 0]);
      expect(await buckets.take('a')).toBeGreaterThan(0);
    } finally {
      down.disconnect();
    }
  });
});
