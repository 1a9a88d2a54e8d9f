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

/**
 * The hub's events that `keep` admits, as one subscription's stream. Ending the stream stops
 * listening at once, even while it waits for an event (the hub's own iterator ends its pending wait).
 */
export function keptEvents(hub: OrderEventHub, keep: (event: OrderEventMessage) => boolean | Promise<boolean>): AsyncIterableIterator<OrderEventMessage> {
  const source = hub.subscribe()[Symbol.asyncIterator]();
  const stream: AsyncIterableIterator<OrderEventMessage> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || (await keep(result.value))) return result;
      }
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
