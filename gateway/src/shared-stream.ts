/**
 * One upstream async iterator read by many consumers: every consumer gets every value from the moment
 * it joined, in order, with its own queue (a slow consumer does not hold the others up). The upstream
 * is asked to stop when the last consumer leaves, and its end or error reaches every consumer.
 */
export class SharedStream<T> {
  private readonly consumers = new Set<Consumer<T>>();
  private ended = false;

  /**
   * @param upstream the source, read from the first value on
   * @param copy what each consumer after the first gets instead of the value itself (consumers may mutate what they receive)
   * @param onIdle called once, when the last consumer left or the upstream ended
   */
  constructor(
    private readonly upstream: AsyncIterator<T>,
    private readonly copy: (value: T) => T,
    private readonly onIdle: () => void,
  ) {
    void this.pump();
  }

  /** How many consumers read it now. */
  get size(): number {
    return this.consumers.size;
  }

  /** Whether a new consumer may still join (false once the upstream ended or everyone left). */
  get open(): boolean {
    return !this.ended;
  }

  /** A new consumer; `return()` on it leaves. */
  join(): AsyncIterableIterator<T> {
    const consumer = new Consumer<T>(() => this.leave(consumer));
    if (this.ended) consumer.end();
    else this.consumers.add(consumer);
    return consumer;
  }

  private leave(consumer: Consumer<T>): void {
    if (!this.consumers.delete(consumer) || this.consumers.size || this.ended) return;
    this.finish();
    void this.upstream.return?.().catch(() => {});
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.onIdle();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const step = await this.upstream.next();
        if (step.done || this.ended) break;
        let first = true;
        for (const consumer of this.consumers) {
          consumer.push(first ? step.value : this.copy(step.value));
          first = false;
        }
      }
      this.finish();
      for (const consumer of this.consumers) consumer.end();
    } catch (error) {
      this.finish();
      for (const consumer of this.consumers) consumer.fail(error);
    }
    this.consumers.clear();
  }
}

class Consumer<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | null = null;
  private done = false;
  private error: { reason: unknown } | null = null;

  constructor(private readonly onLeave: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else this.queue.push(value);
  }

  end(): void {
    this.done = true;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
  }

  fail(reason: unknown): void {
    if (this.done) return;
    this.done = true;
    if (this.waiting) {
      this.waiting.reject(reason);
      this.waiting = null;
    } else this.error = { reason };
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.error) {
      const { reason } = this.error;
      this.error = null;
      return Promise.reject(reason);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.error = null;
    this.end();
    this.onLeave();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
