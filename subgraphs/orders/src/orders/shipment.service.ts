import { type UserError, userError } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { Order, type OrderEffect } from './order.entity.js';
import type { EffectOutcome } from './order-effects.service.js';
import { finishEffect } from './order-effects.service.js';
import { OrderLine } from './order-line.entity.js';
import { changeOrderStatus } from './order-status.service.js';

type ShipEffect = Extract<OrderEffect, { kind: 'SHIP' }>;

/**
 * A shipment, after it committed as a SHIP effect (see order-effects.service.ts): the reserved stock
 * leaves the warehouse (products, idempotent by order id), then the order becomes SHIPPED with its
 * carrier and tracking number. An order ships whole or not at all: when a warehouse counts fewer
 * units than the order reserved there (an ERP count may set it so), the shipment is refused with
 * INSUFFICIENT_STOCK naming each short line, and the order stays PROCESSING, its stock still
 * reserved, until the stock is recounted or the order is cancelled.
 */
export async function completeShipment(ctx: OrdersContext, order: Order, effect: ShipEffect): Promise<EffectOutcome> {
  const shipped = await ctx.services.products.call('shipStock', { orderId: order.id });
  const shortLines =
    shipped.status === 'SHORT' ? await ctx.em.fork().find(OrderLine, { order: order.id }, { fields: ['productId', 'sku'] }) : [];
  const done = await finishEffect(ctx, order.id, effect, async (em, locked): Promise<UserError[]> => {
    if (shipped.status === 'RELEASED') return [userError('INVALID_TRANSITION', 'The stock of this order was released: it cannot ship.')];
    if (shipped.status === 'SHORT') {
      const skuOf = new Map(shortLines.map((l) => [l.productId, l.sku]));
      return shipped.shortages.map((s) =>
        userError(
          'INSUFFICIENT_STOCK',
          `${skuOf.get(s.productId) ?? s.productId}: the warehouse counts ${s.onHand} on hand, the order reserved ${s.reserved} there. Nothing shipped; ship it once the stock is recounted, or cancel the order.`,
          ['input', 'orderId'],
        ),
      );
    }
    locked.carrier = effect.carrier;
    locked.trackingNumber = effect.trackingNumber;
    await changeOrderStatus(em, locked, { to: 'SHIPPED', byUserId: effect.byUserId, comment: effect.comment });
    return [];
  });
  if (!done) return { order: await ctx.em.fork().findOne(Order, { id: order.id }), userErrors: [] };
  return { order: done.result.length ? null : done.order, userErrors: done.result };
}
