import { type EntityManager, groupedLoader, keyedLoader } from '@dealergraph/runtime';
import { raw } from '@mikro-orm/core';
import type DataLoader from 'dataloader';

import { OrderApprovalStep } from '../approvals/order-approval-step.entity.js';
import { Order } from './order.entity.js';
import { OrderLine } from './order-line.entity.js';
import { OrderStatusChange } from './order-status-change.entity.js';

/** How many lines one order has. */
export interface LineCount {
  orderId: string;
  count: number;
}

/**
 * The loaders of one request. Each batch is one SQL statement, so a page of orders with their lines,
 * history and line counts costs the same number of statements whatever its size.
 */
export interface OrderLoaders {
  orderById: DataLoader<string, Order | null>;
  /** Lines of each order, by position. */
  linesByOrderId: DataLoader<string, OrderLine[]>;
  /** Status history of each order, oldest first. */
  historyByOrderId: DataLoader<string, OrderStatusChange[]>;
  /** Number of lines of each order, without loading the lines; null for an order without lines. */
  lineCountByOrderId: DataLoader<string, LineCount | null>;
  /** Approval chain of each order, by position. */
  approvalStepsByOrderId: DataLoader<string, OrderApprovalStep[]>;
}

/** One `select order_id, count(*) ... group by order_id` for a batch of orders. */
async function countLines(em: EntityManager, orderIds: string[]): Promise<LineCount[]> {
  const rows = await em
    .createQueryBuilder(OrderLine, 'l')
    .select(['l.order', raw('count(*) as count')])
    .where({ order: { $in: orderIds } })
    .groupBy('l.order')
    .execute<{ order_id: string; count: string | number }[]>('all', false);
  return rows.map((row) => ({ orderId: row.order_id, count: Number(row.count) }));
}

export function createOrderLoaders(em: EntityManager): OrderLoaders {
  return {
    orderById: keyedLoader(
      (ids) => em.find(Order, { id: { $in: ids } }),
      (o) => o.id,
    ),
    linesByOrderId: groupedLoader(
      (ids) => em.find(OrderLine, { order: { $in: ids } }, { orderBy: { order: 'asc', position: 'asc' } }),
      (line) => line.order.id,
    ),
    historyByOrderId: groupedLoader(
      (ids) => em.find(OrderStatusChange, { order: { $in: ids } }, { orderBy: { order: 'asc', position: 'asc' } }),
      (change) => change.order.id,
    ),
    lineCountByOrderId: keyedLoader(
      (ids) => countLines(em, ids),
      (row) => row.orderId,
    ),
    approvalStepsByOrderId: groupedLoader(
      (ids) => em.find(OrderApprovalStep, { order: { $in: ids } }, { orderBy: { order: 'asc', position: 'asc' } }),
      (step) => step.order.id,
    ),
  };
}
