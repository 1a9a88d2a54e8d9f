import { setTimeout as sleep } from 'node:timers/promises';

import type { EntityManager } from '@dealergraph/runtime';
import { GraphQLError } from 'graphql';

import type { OrdersContext } from '../context.js';

/**
 * One user's cart changes one at a time (two tabs adding at once must not lose an addition; a cart
 * order must move exactly the lines it read). Waiting for that turn holds no pool connection:
 *
 * - in this process, callers for one user queue on a promise chain before asking for a connection;
 * - across processes (replicas), the turn is a transaction-scoped advisory lock taken with
 *   pg_try_advisory_xact_lock: a miss ends the transaction (its connection goes back to the pool)
 *   and tries again a little later, instead of blocking inside it.
 *
 * A queue longer than MAX_CART_WAITERS, or a turn not had within CART_LOCK_WAIT_MS, answers CART_BUSY:
 * retryable, nothing changed.
 */

/** Callers of one user that may wait in this process; more are refused at once (CART_BUSY). */
export const MAX_CART_WAITERS = 64;
/** How long a caller waits for another process to let go of the cart before CART_BUSY. */
export const CART_LOCK_WAIT_MS = 10_000;

const queues = new Map<string, { tail: Promise<void>; waiting: number }>();

/** The cart is busy: nothing changed, the client may send it again. */
export const cartBusy = () =>
  new GraphQLError('Your cart is being changed by many requests at once; nothing was changed. Try again in a moment.', {
    extensions: { code: 'CART_BUSY' },
  });

/** Runs `work` alone among this process's callers for `userId` (no connection is held while waiting). */
async function inProcessTurn<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const queue = queues.get(userId) ?? { tail: Promise.resolve(), waiting: 0 };
  if (queue.waiting >= MAX_CART_WAITERS) throw cartBusy();
  queues.set(userId, queue);
  queue.waiting += 1;
  const previous = queue.tail;
  let done!: () => void;
  queue.tail = new Promise<void>((resolve) => (done = resolve));
  try {
    await previous;
    return await work();
  } finally {
    queue.waiting -= 1;
    done();
    if (queue.waiting === 0) queues.delete(userId);
  }
}

/** Not had: the transaction is rolled back and its connection freed. */
class NotLocked extends Error {}

/** A transaction that holds the user's cart lock, taken without blocking (see above); call it inside the user's turn. */
async function lockedTransaction<T>(ctx: OrdersContext, userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const deadline = Date.now() + CART_LOCK_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await ctx.em.fork().transactional(async (em) => {
        const [row] = await em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as locked', [
          `orders.cart:${userId}`,
        ]);
        if (!row.locked) throw new NotLocked();
        return work(em);
      });
    } catch (error) {
      if (!(error instanceof NotLocked)) throw error;
      if (Date.now() > deadline) throw cartBusy();
      await sleep(pause);
    }
  }
}

/** Opens the locked transaction of the turn; may be called more than once (a retry after a stale read). */
export type CartLocker = <T>(ctx: OrdersContext, work: (em: EntityManager) => Promise<T>) => Promise<T>;

/**
 * Runs `body` in the user's turn: reads and calls to other services (catalog, prices) go before
 * `locked`, outside any transaction, so the transaction holds its connection for database work only.
 */
export function withCartTurn<T>(userId: string, body: (locked: CartLocker) => Promise<T>): Promise<T> {
  return inProcessTurn(userId, () => body((ctx, work) => lockedTransaction(ctx, userId, work)));
}

/** Runs `work` in one transaction that holds the user's cart lock, in the user's turn. */
export function withCartLock<T>(ctx: OrdersContext, userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return withCartTurn(userId, (locked) => locked(ctx, work));
}
