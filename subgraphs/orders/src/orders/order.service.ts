import { canSeeDealer, containsPattern, isStaff, normalizeId, type PageWindow, requireClaims } from '@dealergraph/runtime';
import type { FilterQuery } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import type { OrderStatus } from './domain/order-lifecycle.js';
import { Order } from './order.entity.js';
import type { OrderLine } from './order-line.entity.js';
import type { OrderStatusChange } from './order-status-change.entity.js';

/** What an order list can be narrowed by. */
export interface OrderFilter {
  /** Any of these statuses; null or empty: any status. */
  status?: readonly OrderStatus[] | null;
  /** One dealer's orders; honoured for staff only (dealer users always get their own dealer's). */
  dealerId?: string | null;
  /** Placed at or after this instant. */
  placedFrom?: Date | null;
  /** Placed before this instant. */
  placedTo?: Date | null;
  /** Part of the order number or the PO number, any case. */
  search?: string | null;
}

/**
 * The where clause of an order list for this caller. A dealer user's own dealer replaces whatever
 * dealer the filter names; null when no order can match.
 */
function orderWhere(ctx: OrdersContext, filter: OrderFilter): FilterQuery<Order> | null {
  const claims = requireClaims(ctx.claims);
  // Orders still being placed (or being undone) are nobody's yet.
  const where: FilterQuery<Order> = { workflow: 'DONE' };
  if (isStaff(claims)) {
    if (filter.dealerId) {
      // Ids are uuids; anything else cannot name a dealer (and must not reach PostgreSQL as one).
      const dealerId = normalizeId(filter.dealerId);
      if (!dealerId) return null;
      where.dealerId = dealerId;
    }
  } else {
    if (!claims.dealerId) return null;
    where.dealerId = claims.dealerId;
  }
  if (filter.status?.length) where.status = { $in: [...filter.status] };
  if (filter.placedFrom || filter.placedTo) {
    where.placedAt = {
      ...(filter.placedFrom ? { $gte: filter.placedFrom } : {}),
      ...(filter.placedTo ? { $lt: filter.placedTo } : {}),
    };
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    where.$or = [{ number: { $ilike: pattern } }, { poNumber: { $ilike: pattern } }];
  }
  return where;
}

/** A page of the orders the caller may see, newest first, and how many match over all pages. */
export async function listOrders(ctx: OrdersContext, filter: OrderFilter, window: PageWindow): Promise<[Order[], number]> {
  const where = orderWhere(ctx, filter);
  if (!where) return [[], 0];
  return ctx.em.findAndCount(Order, where, {
    orderBy: { placedAt: 'desc', id: 'desc' },
    offset: window.offset,
    limit: window.limit,
  });
}

/** An order the caller may see, or null: another dealer's order reads as null, like a missing one. */
export async function findOrder(ctx: OrdersContext, id: string): Promise<Order | null> {
  requireClaims(ctx.claims);
  return findVisibleOrder(ctx, id);
}

/** Like findOrder, for federation references: an anonymous caller gets null rather than an error. */
export async function findVisibleOrder(ctx: OrdersContext, id: string): Promise<Order | null> {
  // A malformed id names no order; a valid one is looked up lower-case, as PostgreSQL returns it.
  const orderId = normalizeId(id);
  if (!ctx.claims || !orderId) return null;
  const order = await ctx.loaders.orderById.load(orderId);
  return order && order.workflow === 'DONE' && canSeeDealer(ctx.claims, order.dealerId) ? order : null;
}

/** The lines of an order the caller was already allowed to see, by position. */
export function orderLines(ctx: OrdersContext, orderId: string): Promise<OrderLine[]> {
  return ctx.loaders.linesByOrderId.load(orderId);
}

/** The status history of an order the caller was already allowed to see, oldest first. */
export function orderHistory(ctx: OrdersContext, orderId: string): Promise<OrderStatusChange[]> {
  return ctx.loaders.historyByOrderId.load(orderId);
}

/** How many lines an order the caller was already allowed to see has. */
export async function orderLineCount(ctx: OrdersContext, orderId: string): Promise<number> {
  return (await ctx.loaders.lineCountByOrderId.load(orderId))?.count ?? 0;
}
