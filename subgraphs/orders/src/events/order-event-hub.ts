import { EventHub, expandEvents } from '@dealergraph/runtime';

import type { OrderEventMessage } from './event-bus.js';

/** The one topic of the orders subgraph's subscriptions; each resolver filters it for its caller. */
export const ORDER_EVENTS_TOPIC = 'ORDER_EVENTS';

/**
 * The orders instance's hub (runtime's EventHub): fed by the event bus, which the outbox relay
 * publishes committed order events to.
 */
export class OrderEventHub extends EventHub<OrderEventMessage> {
  constructor() {
    super('Order events are published by the outbox relay only.');
  }
}

/** The hub's events that `keep` admits, as one subscription's stream (see runtime's expandEvents). */
export function keptEvents(
  hub: OrderEventHub,
  keep: (event: OrderEventMessage) => boolean | Promise<boolean>,
): AsyncIterableIterator<OrderEventMessage> {
  return expandEvents(hub, async (event) => ((await keep(event)) ? [event] : []));
}
