import { EventHub } from '@dealergraph/runtime';
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
