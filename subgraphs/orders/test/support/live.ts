import { until } from '@dealergraph/testing';

import { OrderEventHub } from '../../src/events/order-event-hub.js';

/**
 * Waits on conditions instead of time. A stack started with `orders: { events: hub }` lets a test
 * wait until its subscriptions are live in the orders subgraph (`subscribed`), instead of sleeping
 * "long enough" after subscribing.
 */
export { OrderEventHub, until };

/** Resolves once the orders subgraph holds at least `count` live subscriptions on `hub`. */
export async function subscribed(hub: OrderEventHub, count: number): Promise<void> {
  await until(`${count} live subscription(s) in the orders subgraph (${hub.size} now)`, () => hub.size >= count);
}

/** Resolves once no subscription is live on `hub` (those of an earlier test have ended); returns that count, 0. */
export async function noSubscriptions(hub: OrderEventHub): Promise<number> {
  await until(`earlier subscriptions to end (${hub.size} live)`, () => hub.size === 0);
  return 0;
}
