import { EventEmitter } from 'node:events';

import type { Logger } from '@dealergraph/runtime';
import { Redis } from 'ioredis';

/** An order event as it travels between instances: the committed outbox row. */
export interface OrderEventMessage {
  id: string;
  orderId: string;
  dealerId: string;
  type: string;
  status: string | null;
  actorId: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  /** The subject's dealer's SALES_REP and region (approver scope); null when it has none. */
  salesRepUserId: string | null;
  dealerRegion: string | null;
  /** ISO 8601. */
  at: string;
  /** When the relay published it (ISO 8601), for commit-to-client latency. */
  publishedAt: string;
}

/** Fan-out of committed order events to every orders instance (and so to every gateway's subscribers). */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  publish(event: OrderEventMessage): Promise<void>;
  /** Calls `listener` for every event any instance publishes; returns how to stop. */
  subscribe(listener: (event: OrderEventMessage) => void): () => void;
  close(): Promise<void>;
}

/** Instances that share a database share a channel; other deployments (or test databases) on the same Redis do not hear them. */
export function channelFor(databaseUrl: string): string {
  const name = new URL(databaseUrl).pathname.replace(/^\//, '') || 'default';
  return `dealergraph:${name}:order-events`;
}

/** One process, no broker: what `npm start` uses without REDIS_URL. */
export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'in-process',
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Redis pub/sub: every instance publishes to and listens on one channel, so a subscriber on any
 * instance gets events raised by any other. Redis pub/sub is fire-and-forget; what an instance misses
 * while disconnected is what `orderEvents(since:)` is for.
 */
export async function createRedisBus(url: string, channel: string, logger: Logger): Promise<EventBus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  for (const client of [publisher, subscriber]) client.on('error', (error) => logger.warn('redis', { message: error.message }));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      emitter.emit('event', JSON.parse(text) as OrderEventMessage);
    } catch (error) {
      logger.warn('unreadable event on redis', { message: (error as Error).message });
    }
  });
  await subscriber.subscribe(channel);
  return {
    kind: 'redis',
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
