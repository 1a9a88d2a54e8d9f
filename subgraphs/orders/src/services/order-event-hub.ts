import type { PubSub } from 'type-graphql';
import type { EventBus, OrderEventMessage } from './event-bus.js';

/** The one topic of the orders subgraph's subscriptions; each resolver filters it for its caller. */
export const ORDER_EVENTS_TOPIC = 'ORDER_EVENTS';

/** How many recent event ids an instance remembers to drop a redelivery (the relay may publish twice after a crash). */
const DEDUPE_WINDOW = 10_000;

/**
 * The bridge between the event bus and GraphQL subscriptions of one orders instance: the type-graphql
 * PubSub of its schema. Every subscription gets each event once, however often the bus delivered it.
 */
export class OrderEventHub implements PubSub {
  private readonly subscribers = new Set<(event: OrderEventMessage) => void>();
  private readonly seen = new Set<string>();
  private detach: (() => void) | null = null;

  /** Starts listening on a bus (from the subgraph's start hook). */
  attach(bus: EventBus): void {
    this.detach?.();
    this.detach = bus.subscribe((event) => this.deliver(event));
  }

  stop(): void {
    this.detach?.();
    this.detach = null;
    this.subscribers.clear();
  }

  /** How many subscriptions listen right now. */
  get size(): number {
    return this.subscribers.size;
  }

  private deliver(event: OrderEventMessage): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > DEDUPE_WINDOW) this.seen.delete(this.seen.values().next().value as string);
    for (const subscriber of this.subscribers) subscriber(event);
  }

  /** Events reach subscribers only through the bus, after commit; nothing publishes directly. */
  publish(): void {
    throw new Error('Order events are published by the outbox relay only.');
  }

  subscribe(): AsyncIterable<OrderEventMessage> {
    const subscribers = this.subscribers;
    return {
      [Symbol.asyncIterator]() {
        const queue: OrderEventMessage[] = [];
        let wake: ((result: IteratorResult<OrderEventMessage>) => void) | null = null;
        let done = false;
        const push = (event: OrderEventMessage) => {
          if (wake) {
            const resolve = wake;
            wake = null;
            resolve({ value: event, done: false });
          } else queue.push(event);
        };
        subscribers.add(push);
        const finish = (): Promise<IteratorResult<OrderEventMessage>> => {
          done = true;
          subscribers.delete(push);
          queue.length = 0;
          wake?.({ value: undefined, done: true });
          wake = null;
          return Promise.resolve({ value: undefined, done: true });
        };
        return {
          next() {
            if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
            if (done) return Promise.resolve({ value: undefined, done: true });
            return new Promise((resolve) => (wake = resolve));
          },
          return: finish,
          throw: (error: unknown) => {
            void finish();
            return Promise.reject(error);
          },
        };
      },
    };
  }
}
