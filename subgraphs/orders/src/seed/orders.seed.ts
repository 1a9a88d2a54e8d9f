import { randomUUID } from 'node:crypto';

import type { DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks, type Progress } from '@dealergraph/runtime';

import { Order } from '../orders/order.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { OrderStatusChange } from '../orders/order-status-change.entity.js';

/**
 * Writes the demo order history (orders, their lines and status changes) in one transaction, with
 * multi-row inserts, unless orders exist already.
 */
export async function seedOrders(em: EntityManager, demoData: () => DemoData, progress: Progress): Promise<boolean> {
  const written = await em.transactional(async (tx) => {
    if ((await tx.count(Order, {})) > 0) return null;
    const data = demoData();
    const dealers = new Map(data.dealers.map((d) => [d.id, d]));
    const orders: object[] = [];
    const lines: object[] = [];
    const history: object[] = [];
    for (const o of data.orders) {
      orders.push({
        id: o.id,
        number: o.number,
        dealerId: o.dealerId,
        placedByUserId: o.placedByUserId,
        status: o.status,
        currency: o.currency,
        total: o.total,
        poNumber: o.poNumber,
        idempotencyKey: null,
        placedAt: o.placedAt,
        updatedAt: o.updatedAt,
        // The approver scope of the history's pending orders: the dealer's rep and region.
        dealerRegion: dealers.get(o.dealerId)?.region ?? null,
        salesRepUserId: dealers.get(o.dealerId)?.salesRepUserId ?? null,
      });
      o.lines.forEach((line, i) => {
        lines.push({
          id: line.id,
          order: o.id,
          position: i + 1,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          lineTotal: line.lineTotal,
        });
      });
      o.history.forEach((change, i) => {
        history.push({
          id: randomUUID(),
          order: o.id,
          position: i + 1,
          status: change.status,
          at: change.at,
          byUserId: change.byUserId,
          comment: change.comment,
        });
      });
    }
    // The largest part of the demo data: say what is being written while it takes its few seconds.
    progress(`orders: writing ${orders.length} orders, ${lines.length} lines, ${history.length} status changes…`);
    await insertInChunks(tx, Order, orders);
    await insertInChunks(tx, OrderLine, lines);
    await insertInChunks(tx, OrderStatusChange, history);
    return true;
  });
  return written !== null;
}
