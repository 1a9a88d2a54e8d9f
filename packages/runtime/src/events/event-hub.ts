import type { PubSub } from 'type-graphql';

/** Anything that hands over committed events: an event bus (in-process or Redis), a PostgreSQL LISTEN channel. */
export interface EventSource<T> {
  /** Calls `listener` for every event; returns how to stop. */
  subscribe(listener: (event: T) => void): () => void;
}

/** How many recent event ids a hub remembers to drop a redelivery (a source may deliver twice after a crash). */
const DEDUPE_WINDOW = 10_000;

/**
 * The bridge between a source of committed events and the GraphQL subscriptions of one subgraph
 * instance: the type-graphql PubSub of its schema. Every subscription gets each event once, however
 * often the source delivered it. Each subscription resolver filters the one stream for its caller.
 * Nothing publishes through the hub itself: events must come from the source, after commit.
 */
export class EventHub<T extends { id: string }> implements PubSub {
  private readonly subscribers = new Set<(event: T) => void>();
  private readonly seen = new Set<string>();
  private detach: (() => void) | null = null;

  /** @param publishRefusal what `publish` says: who publishes these events instead. */
  constructor(private readonly publishRefusal = 'Events are published by their source after commit, not through the hub.') {}

  /** Starts listening on a source (from the subgraph's start hook). */
  attach(source: EventSource<T>): void {
    this.detach?.();
    this.detach = source.subscribe((event) => this.deliver(event));
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

  private deliver(event: T): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > DEDUPE_WINDOW) this.seen.delete(this.seen.values().next().value as string);
    for (const subscriber of this.subscribers) subscriber(event);
  }

  /** Events reach subscribers only through the source, after commit; nothing publishes directly. */
  publish(): void {
    throw new Error(this.publishRefusal);
  }

  subscribe(): AsyncIterable<T> {
    const subscribers = this.subscribers;
    return {
      [Symbol.asyncIterator]() {
        const queue: T[] = [];
        let wake: ((result: IteratorResult<T>) => void) | null = null;
        let done = false;
        const push = (event: T) => {
          if (wake) {
            const resolve = wake;
            wake = null;
            resolve({ value: event, done: false });
          } else queue.push(event);
        };
        subscribers.add(push);
        const finish = (): Promise<IteratorResult<T>> => {
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

/**
 * One subscription's stream made from a hub's events: each event becomes zero or more items
 * (`expand` filters, checks access and loads what the client sees). Ending the stream stops
 * listening at once, even while it waits for an event (the hub's own iterator ends its pending wait).
 */
export function expandEvents<T extends { id: string }, R>(
  hub: EventHub<T>,
  expand: (event: T) => Promise<readonly R[]>,
): AsyncIterableIterator<R> {
  const source = hub.subscribe()[Symbol.asyncIterator]();
  const pending: R[] = [];
  const stream: AsyncIterableIterator<R> = {
    async next() {
      while (pending.length === 0) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        pending.push(...(await expand(result.value as T)));
      }
      return { value: pending.shift()!, done: false };
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
