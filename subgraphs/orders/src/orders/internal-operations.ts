import { defineInternalOperations, type InternalHandlers, InternalInputError, normalizeId, requireUuid } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { proceedIfPaid } from '../placement/payment-due.service.js';
import { Order } from './order.entity.js';
import { OrderLine } from './order-line.entity.js';

/** Orders per call: credit checks invoices in batches of the sweep's size. */
const MAX_ORDERS = 500;

/** The orders subgraph's internal operations (contracts.ts): the ordered prices, for credit's price consistency check; a payment's nudge. */
export function ordersInternalOperations(newContext: () => OrdersContext): InternalHandlers<'orders'> {
  return defineInternalOperations('orders', {
    async orderLinePrices(input) {
      const raw = input?.orderIds;
      if (!Array.isArray(raw) || raw.length > MAX_ORDERS) throw new InternalInputError(`orderIds must be a list of at most ${MAX_ORDERS}`);
      const ids = raw.map((id) => normalizeId(String(id))).filter((id): id is string => id !== null);
      if (ids.length === 0) return { orders: [] };
      const { em } = newContext();
      const orders = await em.find(Order, { id: { $in: ids } }, { fields: ['id', 'dealerId'] });
      const lines = await em.find(OrderLine, { order: { $in: orders.map((o) => o.id) } }, { orderBy: { position: 'asc' } });
      return {
        orders: orders.map((order) => ({
          orderId: order.id,
          dealerId: order.dealerId,
          lines: lines.filter((l) => l.order.id === order.id).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
        })),
      };
    },
    async resolveOrderRefs(input) {
      const raw = input?.refs;
      if (!Array.isArray(raw) || raw.length > MAX_ORDERS || raw.some((r) => typeof r !== 'string'))
        throw new InternalInputError(`refs must be a list of at most ${MAX_ORDERS} strings`);
      const refs = [...new Set(raw.map((r) => r.trim()).filter(Boolean))];
      if (refs.length === 0) return { orders: [] };
      const ids = refs.map((r) => normalizeId(r)).filter((id): id is string => id !== null);
      const { em } = newContext();
      const found = await em.find(
        Order,
        { $or: [{ number: { $in: refs } }, { erpOrderNumber: { $in: refs } }, ...(ids.length ? [{ id: { $in: ids } }] : [])] },
        { fields: ['id', 'dealerId', 'number', 'erpOrderNumber'] },
      );
      return {
        orders: refs.flatMap((ref) => {
          const id = normalizeId(ref);
          const order =
            found.find((o) => o.number === ref) ??
            found.find((o) => o.erpOrderNumber === ref) ??
            found.find((o) => id !== null && o.id === id);
          return order ? [{ ref, orderId: order.id, dealerId: order.dealerId }] : [];
        }),
      };
    },
    async prepaymentRecorded(input) {
      return { status: await proceedIfPaid(newContext(), requireUuid(input?.orderId, 'orderId')) };
    },
  });
}
