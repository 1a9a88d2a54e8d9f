import type { EntityManager } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { type Allocation, type DemandLine, inLockOrder, planReservation, type Shortage } from '../domain/stock-allocation.js';
import { SCHEMA } from '../schema-name.js';
import { notifyStockChanged } from './stock-events.service.js';

/**
 * Stock reservations of the order workflow (orders calls these through signed internal calls).
 *
 * - reserve: all lines or none, in one transaction. The stock rows of the order's products are
 *   locked in (product id, warehouse id) order, the pure plan (domain/stock-allocation.ts) decides
 *   the warehouses from what was read under the lock, and one conditional update applies it
 *   (`on_hand - reserved >= q`, the row count checked). Every writer locks in that same order, so
 *   two orders cannot deadlock, and `reserved` never passes what is on hand.
 * - Idempotent by order id: `order_reservation` holds one row per order, locked by every call for
 *   that order. A repeat returns the same reservation; a released order is never reserved again.
 * - release gives the units back; ship takes them off on hand. Both idempotent.
 * The catalog's available (on hand - reserved) reflects every reservation at once. A reservation and
 * a release notify stockChanged watchers on commit (stock-events.service.ts); a shipment does not
 * change what is available (on hand and reserved drop together), so it notifies nobody.
 */

const ORDERS = `"${SCHEMA}"."order_reservation"`;
const LINES = `"${SCHEMA}"."stock_reservation"`;
const STOCK = `"${SCHEMA}"."stock_level"`;

export type ReserveResult =
  { status: 'RESERVED'; reservations: Allocation[] } | { status: 'INSUFFICIENT'; shortages: Shortage[] } | { status: 'RELEASED' };

/** Thrown inside the transaction to roll back everything when a line cannot be served. */
class Insufficient extends Error {
  constructor(readonly shortages: Shortage[]) {
    super('insufficient stock');
  }
}

const placeholders = (count: number, each: string) => Array.from({ length: count }, () => each).join(', ');

/** The order's reserved lines, in lock order. */
async function linesOf(tx: EntityManager, orderId: string, status?: 'RESERVED'): Promise<Allocation[]> {
  const rows = await tx.execute<{ product_id: string; warehouse_id: string; quantity: number }[]>(
    `select product_id, warehouse_id, quantity from ${LINES} where order_id = ?${status ? ' and status = ?' : ''} order by product_id, warehouse_id`,
    status ? [orderId, status] : [orderId],
  );
  return rows.map((r) => ({ productId: r.product_id, warehouseId: r.warehouse_id, quantity: Number(r.quantity) }));
}

/** Locks the stock rows of these products, in lock order, and returns them. */
async function lockStock(tx: EntityManager, productIds: readonly string[]) {
  const ids = [...new Set(productIds)].sort();
  const rows = await tx.execute<{ product_id: string; warehouse_id: string; on_hand: number; reserved: number }[]>(
    `select product_id, warehouse_id, on_hand, reserved from ${STOCK} where product_id in (${placeholders(ids.length, '?')}) order by product_id, warehouse_id for update`,
    ids,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    onHand: Number(r.on_hand),
    reserved: Number(r.reserved),
  }));
}

/**
 * Applies `set` to the stock rows of `allocations` (already locked) when `condition` holds for each,
 * in one statement; throws unless every row changed, so the transaction never half-applies.
 */
async function updateStock(tx: EntityManager, allocations: readonly Allocation[], set: string, condition: string): Promise<void> {
  for (const chunk of chunks(inLockOrder(allocations))) {
    const result = await tx.execute<{ affectedRows: number }>(
      `update ${STOCK} s set ${set} from (values ${placeholders(chunk.length, '(?::uuid, ?::uuid, ?::int)')}) as v(product_id, warehouse_id, q)
       where s.product_id = v.product_id and s.warehouse_id = v.warehouse_id and ${condition}`,
      chunk.flatMap((a) => [a.productId, a.warehouseId, a.quantity]),
      'run',
    );
    if (result.affectedRows !== chunk.length) {
      throw new Error(`stock update changed ${result.affectedRows} of ${chunk.length} rows: the locked rows no longer allow it`);
    }
  }
}

/** Rows per statement: PostgreSQL takes at most 65,535 parameters, and a big order has tens of thousands. */
const CHUNK = 5_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Reserves every line of an order or none (see the header). Ids canonical, quantities checked by the caller. */
export async function reserveStock(
  ctx: ProductsContext,
  input: { orderId: string; dealerId: string; lines: readonly DemandLine[] },
): Promise<ReserveResult> {
  try {
    return await ctx.em.transactional(async (tx) => {
      // Claims the order; a concurrent call for the same order waits here until this one ends.
      const claimed = await tx.execute<{ order_id: string }[]>(
        `insert into ${ORDERS} (order_id, dealer_id, status) values (?, ?, 'RESERVED') on conflict (order_id) do nothing returning order_id`,
        [input.orderId, input.dealerId],
      );
      if (!claimed.length) {
        const [order] = await tx.execute<{ status: string }[]>(`select status from ${ORDERS} where order_id = ? for update`, [
          input.orderId,
        ]);
        if (order.status === 'RELEASED') return { status: 'RELEASED' as const };
        // RESERVED, or SHIPPED since: the work was done; answer with the same reservation.
        return { status: 'RESERVED' as const, reservations: await linesOf(tx, input.orderId) };
      }
      const levels = await lockStock(
        tx,
        input.lines.map((l) => l.productId),
      );
      const plan = planReservation({ lines: input.lines, levels });
      if (!plan.ok) throw new Insufficient(plan.shortages);
      await updateStock(tx, plan.allocations, 'reserved = s.reserved + v.q', 's.on_hand - s.reserved >= v.q');
      for (const chunk of chunks(plan.allocations)) {
        await tx.execute(
          `insert into ${LINES} (order_id, product_id, warehouse_id, quantity, status) values ${placeholders(chunk.length, "(?, ?, ?, ?, 'RESERVED')")}`,
          chunk.flatMap((a) => [input.orderId, a.productId, a.warehouseId, a.quantity]),
          'run',
        );
      }
      await notifyStockChanged(
        tx,
        plan.allocations.map((a) => a.productId),
        'RESERVED',
      );
      return { status: 'RESERVED' as const, reservations: plan.allocations };
    });
  } catch (error) {
    // Rolled back: nothing of this order is reserved, not even its claim, so a later retry may try again.
    if (error instanceof Insufficient) return { status: 'INSUFFICIENT', shortages: error.shortages };
    throw error;
  }
}

/**
 * Gives an order's reserved units back. NONE when the order never reserved anything (and from now on
 * never will: a late reservation for it answers RELEASED); SHIPPED when it already left. Idempotent.
 */
export async function releaseStock(ctx: ProductsContext, input: { orderId: string }): Promise<'RELEASED' | 'NONE' | 'SHIPPED'> {
  return ctx.em.transactional(async (tx) => {
    const tombstone = await tx.execute<{ order_id: string }[]>(
      `insert into ${ORDERS} (order_id, status) values (?, 'RELEASED') on conflict (order_id) do nothing returning order_id`,
      [input.orderId],
    );
    if (tombstone.length) return 'NONE' as const;
    const [order] = await tx.execute<{ status: string; dealer_id: string | null }[]>(
      `select status, dealer_id from ${ORDERS} where order_id = ? for update`,
      [input.orderId],
    );
    if (order.status === 'SHIPPED') return 'SHIPPED' as const;
    // A row without a dealer is an earlier release's tombstone: nothing was ever held.
    if (order.status === 'RELEASED') return order.dealer_id === null ? ('NONE' as const) : ('RELEASED' as const);
    const lines = await linesOf(tx, input.orderId, 'RESERVED');
    if (lines.length) {
      await lockStock(
        tx,
        lines.map((l) => l.productId),
      );
      await updateStock(tx, lines, 'reserved = s.reserved - v.q', 's.reserved >= v.q');
      await notifyStockChanged(
        tx,
        lines.map((l) => l.productId),
        'RELEASED',
      );
    }
    await tx.execute(`update ${LINES} set status = 'RELEASED' where order_id = ?`, [input.orderId], 'run');
    await tx.execute(`update ${ORDERS} set status = 'RELEASED', updated_at = now() where order_id = ?`, [input.orderId], 'run');
    return 'RELEASED' as const;
  });
}

/** A line that cannot leave the warehouse: the count on hand is below what the order reserved there. */
export interface ShipShortage {
  productId: string;
  warehouseId: string;
  reserved: number;
  onHand: number;
}

export type ShipResult = { status: 'SHIPPED' | 'NONE' | 'RELEASED' } | { status: 'SHORT'; shortages: ShipShortage[] };

/**
 * The order left the warehouse: its reserved units leave on hand too. NONE without a reservation.
 * Idempotent. SHORT, changing nothing, when a warehouse counts fewer units on hand than the order
 * reserved there (an ERP stock count may set on hand below the reservations): an order ships whole
 * or not at all, so the caller refuses the shipment until the stock is recounted or the order cancelled.
 */
export async function shipStock(ctx: ProductsContext, input: { orderId: string }): Promise<ShipResult> {
  return ctx.em.transactional(async (tx): Promise<ShipResult> => {
    const [order] = await tx.execute<{ status: string; dealer_id: string | null }[]>(
      `select status, dealer_id from ${ORDERS} where order_id = ? for update`,
      [input.orderId],
    );
    if (!order || (order.status === 'RELEASED' && order.dealer_id === null)) return { status: 'NONE' };
    if (order.status === 'RELEASED') return { status: 'RELEASED' };
    if (order.status === 'SHIPPED') return { status: 'SHIPPED' };
    const lines = await linesOf(tx, input.orderId, 'RESERVED');
    if (lines.length) {
      const levels = await lockStock(
        tx,
        lines.map((l) => l.productId),
      );
      const at = new Map(levels.map((l) => [`${l.productId}:${l.warehouseId}`, l]));
      const shortages = lines.flatMap((line) => {
        const level = at.get(`${line.productId}:${line.warehouseId}`);
        const onHand = level?.onHand ?? 0;
        return onHand < line.quantity || (level?.reserved ?? 0) < line.quantity
          ? [{ productId: line.productId, warehouseId: line.warehouseId, reserved: line.quantity, onHand }]
          : [];
      });
      if (shortages.length) return { status: 'SHORT', shortages };
      await updateStock(tx, lines, 'on_hand = s.on_hand - v.q, reserved = s.reserved - v.q', 's.reserved >= v.q and s.on_hand >= v.q');
    }
    await tx.execute(`update ${LINES} set status = 'SHIPPED' where order_id = ?`, [input.orderId], 'run');
    await tx.execute(`update ${ORDERS} set status = 'SHIPPED', updated_at = now() where order_id = ?`, [input.orderId], 'run');
    return { status: 'SHIPPED' };
  });
}
