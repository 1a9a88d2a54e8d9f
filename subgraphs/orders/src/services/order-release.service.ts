import type { OrdersContext } from '../context.js';
import { releaseSpecialPricesOf } from './special-price-use.service.js';

/**
 * The release steps of an order, in reverse of placement: credit hold, special price units, stock.
 * Each is idempotent by order id and safe when nothing was taken (credit and products keep a
 * tombstone, so a late hold or reservation for the order takes nothing). The one copy used by a
 * failed placement's compensation and by cancellation and rejection (order-effects.service.ts).
 * Holds no database connection while it waits on the other services.
 */
export async function releaseHoldings(ctx: OrdersContext, orderId: string): Promise<void> {
  await ctx.services.credit.call('releaseHold', { orderId });
  await releaseSpecialPricesOf(ctx, orderId);
  await ctx.services.products.call('releaseStock', { orderId });
}
