import { describe, expect, it } from 'vitest';

import { SharedStream } from '../src/shared-stream.js';

/** An upstream fed by hand, that records whether it was asked to stop. */
function source<T>() {
  const values: T[] = [];
  let wake: ((result: IteratorResult<T>) => void) | null = null;
  let failWith: ((error: unknown) => void) | null = null;
  const upstream = {
    returned: false,
    push(value: T) {
      if (wake) {
        const resolve = wake;
        wake = null;
        resolve({ value, done: false });
      } else values.push(value);
    },
    fail(error: unknown) {
      failWith?.(error);
    },
    next(): Promise<IteratorResult<T>> {
      if (values.length) return Promise.resolve({ value: values.shift()!, done: false });
      if (upstream.returned) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        wake = resolve;
        failWith = reject;
      });
    },
    async return(): Promise<IteratorResult<T>> {
      upstream.returned = true;
      wake?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
  };
  return upstream;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SharedStream', () => {
  it('gives every consumer every value from when it joined, each a copy but the first', async () => {
    const upstream = source<{ n: number }>();
    const stream = new SharedStream(
      upstream,
      (value) => ({ ...value }),
      () => {},
    );
    const a = stream.join();
    upstream.push({ n: 1 });
    await tick();
    const b = stream.join();
    upstream.push({ n: 2 });
    await tick();
    const a1 = await a.next();
    const a2 = await a.next();
    const b2 = await b.next();
    expect([a1.value, a2.value, b2.value]).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }]);
    expect(b2.value).not.toBe(a2.value);
    expect(stream.size).toBe(2);
  });

  it('stops the upstream when the last consumer leaves, and then takes no one', async () => {
    const upstream = source<number>();
    let idle = 0;
    const stream = new SharedStream(
      upstream,
      (v) => v,
      () => idle++,
    );
    const a = stream.join();
    const b = stream.join();
    await a.return!();
    expect(upstream.returned).toBe(false);
    await b.return!();
    expect(upstream.returned).toBe(true);
    expect(idle).toBe(1);
    expect(stream.open).toBe(false);
    expect(await stream.join().next()).toEqual({ value: undefined, done: true });
  });

  it("passes the upstream's error to every consumer", async () => {
    const upstream = source<number>();
    const stream = new SharedStream(
      upstream,
      (v) => v,
      () => {},
    );
    const a = stream.join();
    const b = stream.join();
    const pending = a.next();
    await tick();
    upstream.fail(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await expect(b.next()).rejects.toThrow('gone');
    expect(stream.open).toBe(false);
  });
});
