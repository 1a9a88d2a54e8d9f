import { Refusal, userError } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import type { Order } from '../orders/order.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { WorkflowLostError } from '../placement/order-errors.js';

/**
 * An order's use of granted special prices (from approved special price requests), a step of the
 * placeOrder workflow next to the stock reservation: prices takes each such line's units from the
 * special price's granted quantity, all lines or none, idempotent by order id; an order that ends
 * undelivered (compensation, rejection, cancellation) gives them back. Lines priced otherwise,
 * negotiated agreements included, have no quantity to use and cost no call.
 */

/**
 * Takes the units of the order's lines priced with a granted special price. Another order took the
 * last units since this one was priced: PRICE_CHANGED, and the workflow compensates.
 */
export async function consumeSpecialPricesOf(ctx: OrdersContext, order: Order, lines: readonly OrderLine[]): Promise<void> {
  const special = lines.filter((l) => l.specialPriceId !== null);
  if (special.length === 0) return;
  const result = await ctx.services.prices.call('consumeSpecialPrices', {
    orderId: order.id,
    dealerId: order.dealerId,
    lines: special.map((l) => ({ specialPriceId: l.specialPriceId!, productId: l.productId, quantity: l.quantity })),
  });
  if (result.status === 'RELEASED') throw new WorkflowLostError(order.id);
  if (result.status === 'EXHAUSTED') {
    throw new Refusal(
      result.shortages.map((s) => {
        const index = lines.findIndex((l) => l.specialPriceId === s.specialPriceId);
        const sku = lines[index]?.sku ?? s.productId;
        return userError(
          'PRICE_CHANGED',
          `${sku}: your special price has ${s.remaining} of its granted units left (you ordered ${s.requested}); the price of this line changed. Order again to see the current price.`,
          ['input', 'lines', String(index), 'quantity'],
        );
      }),
    );
  }
}

/** Gives back what the order took from granted special prices; no call when none of its lines has one. Idempotent. */
export async function releaseSpecialPricesOf(ctx: OrdersContext, orderId: string): Promise<void> {
  const used = await ctx.em.fork().count(OrderLine, { order: orderId, specialPriceId: { $ne: null } });
  if (used > 0) await ctx.services.prices.call('releaseSpecialPrices', { orderId });
}
