import { randomUUID } from 'node:crypto';

import { type UserError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { completeApproval } from '../approvals/approval-hold.service.js';
import type { OrdersContext } from '../context.js';
import { releaseHoldings } from '../placement/order-release.service.js';
import { Order, type OrderEffect } from './order.entity.js';
import { completeShipment } from './shipment.service.js';

/**
 * Lifecycle changes that need other services (cancel, reject, the last approval, a shipment) run in
 * three moves, so that no transaction holds a connection while it waits on another service and no
 * remote effect hangs on a local transaction that may still roll back:
 *
 *   1. the order's own change commits with `order.effect` saying what is left to do (and a lease);
 *   2. the effect's remote steps run, each idempotent by order id (credit, prices, products);
 *   3. a short locked transaction applies their answer and clears the effect (if it is still this one).
 *
 * Whoever made the change drives the effect at once; if that process dies, the recovery sweep finds
 * the effect past its lease and finishes it (the same code). While a HOLD or SHIP effect is pending,
 * other changes of the order answer ORDER_BUSY (retryable); a RELEASE only follows a final status.
 */

/** The order as the effect left it, and why it did not do what was asked (a credit refusal, a short warehouse). */
export interface EffectOutcome {
  order: Order | null;
  userErrors: UserError[];
}

/** A new effect with its id, for `order.effect`; sets the lease on the order. */
export function startEffect<K extends OrderEffect['kind']>(
  ctx: OrdersContext,
  order: Order,
  effect: { kind: K } & Omit<Extract<OrderEffect, { kind: K }>, 'id' | 'kind'>,
): void {
  order.effect = { ...effect, id: randomUUID() } as OrderEffect;
  order.effectLeaseUntil = new Date(Date.now() + ctx.workflow.leaseMs);
}

/**
 * Runs `apply` on the locked order when its effect is still `effect` (nobody else finished it),
 * clearing the effect in the same transaction. Null when the effect was finished by someone else.
 */
export async function finishEffect<T>(
  ctx: OrdersContext,
  orderId: string,
  effect: OrderEffect,
  apply: (em: OrdersContext['em'], order: Order) => Promise<T>,
): Promise<{ order: Order; result: T } | null> {
  return ctx.em.fork().transactional(async (em) => {
    const order = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order || order.effect?.id !== effect.id) return null;
    order.effect = null;
    order.effectLeaseUntil = null;
    const result = await apply(em, order);
    await em.flush();
    return { order, result };
  });
}

/** Drives the pending effect of an order (move 2 and 3); null when it has none. */
export async function runEffect(ctx: OrdersContext, orderId: string): Promise<EffectOutcome | null> {
  const order = await ctx.em.fork().findOne(Order, { id: orderId });
  const effect = order?.effect;
  if (!order || !effect) return null;
  switch (effect.kind) {
    case 'RELEASE': {
      await releaseHoldings(ctx, orderId);
      const done = await finishEffect(ctx, orderId, effect, async () => undefined);
      return { order: done?.order ?? order, userErrors: [] };
    }
    case 'HOLD':
      return completeApproval(ctx, order, effect);
    case 'SHIP':
      return completeShipment(ctx, order, effect);
  }
}

/**
 * Drives the RELEASE effect a cancellation or rejection just committed. A failure (a service down)
 * does not undo the status, which is committed: the sweep finishes the releases.
 */
export async function releaseAfterChange(ctx: OrdersContext, orderId: string): Promise<void> {
  await runEffect(ctx, orderId).catch((error: unknown) =>
    ctx.runtime?.logger.warn('releases of an ended order failed; the recovery sweep will finish them', { orderId, error: String(error) }),
  );
}

/**
 * Finishes effects left past their lease (their driver died or hung): takes each over with a
 * conditional update on the lease, so concurrent sweepers do not both drive it. Returns how many.
 */
export async function sweepStalledEffects(newContext: () => OrdersContext, limit = 50): Promise<number> {
  const ctx = newContext();
  const stalled = await ctx.em.find(
    Order,
    { effect: { $ne: null }, effectLeaseUntil: { $lt: new Date() } },
    { fields: ['id'], limit, orderBy: { effectLeaseUntil: 'asc' } },
  );
  let finished = 0;
  for (const { id } of stalled) {
    const own = newContext();
    const taken = await own.em
      .fork()
      .nativeUpdate(
        Order,
        { id, effect: { $ne: null }, effectLeaseUntil: { $lt: new Date() } },
        { effectLeaseUntil: new Date(Date.now() + own.workflow.leaseMs) },
      );
    if (taken === 0) continue;
    try {
      await runEffect(own, id);
      finished += 1;
    } catch (error) {
      own.runtime?.logger.warn('an order effect could not be finished; the next sweep retries it', { orderId: id, error: String(error) });
    }
  }
  return finished;
}
