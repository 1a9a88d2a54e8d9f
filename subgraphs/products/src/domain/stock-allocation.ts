/**
 * Which warehouse serves which units of an order: pure, no I/O. The stock service locks the rows,
 * calls {@link planReservation} on what it read under the lock, and applies the plan.
 *
 * The rules:
 * - Lines of the same product are one demand (their quantities add up).
 * - A product's demand is served from the warehouse with the most available units first (fewest
 *   split shipments), then the next; a tie goes to the lower warehouse id, so the plan is
 *   deterministic. A warehouse's available units are `onHand - reserved`, never below zero.
 * - A product can give what the catalog shows as available (domain/stock.ts: units owed by an
 *   oversold warehouse count against the others), no more.
 * - All or nothing: if any product's available is short of its demand, nothing is planned and every
 *   short product is reported with that available quantity.
 * - Allocations come sorted by (product id, warehouse id): the order every writer locks rows in, so
 *   two orders touching the same rows cannot deadlock.
 */

export interface AllocationLevel {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

export interface DemandLine {
  productId: string;
  quantity: number;
}

export interface Allocation {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

export type ReservationPlan = { ok: true; allocations: Allocation[] } | { ok: false; shortages: Shortage[] };

const byIds = (a: { productId: string; warehouseId: string }, b: { productId: string; warehouseId: string }) =>
  a.productId < b.productId
    ? -1
    : a.productId > b.productId
      ? 1
      : a.warehouseId < b.warehouseId
        ? -1
        : a.warehouseId > b.warehouseId
          ? 1
          : 0;

/** Adds up the quantities of lines that name the same product, keeping first-seen order. */
export function mergeDemand({ lines }: { lines: readonly DemandLine[] }): DemandLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

/** Plans an order's reservation over the stock rows of its products (see the rules above). */
export function planReservation({ lines, levels }: { lines: readonly DemandLine[]; levels: readonly AllocationLevel[] }): ReservationPlan {
  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  const byProduct = new Map<string, AllocationLevel[]>();
  for (const level of levels) byProduct.set(level.productId, [...(byProduct.get(level.productId) ?? []), level]);
  for (const demand of mergeDemand({ lines })) {
    const own = byProduct.get(demand.productId) ?? [];
    const rows = own
      .map((l) => ({ warehouseId: l.warehouseId, available: Math.max(0, l.onHand - l.reserved) }))
      .sort((a, b) => b.available - a.available || (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0));
    // The catalog's figure: the sum of (onHand - reserved), an oversold row included (its units are
    // owed), never below zero. It is never more than the sum of the rows' own available units.
    const shown = Math.max(
      0,
      own.reduce((s, l) => s + l.onHand - l.reserved, 0),
    );
    if (shown < demand.quantity) {
      shortages.push({ productId: demand.productId, requested: demand.quantity, available: shown });
      continue;
    }
    let remaining = demand.quantity;
    for (const row of rows) {
      if (remaining === 0) break;
      const take = Math.min(remaining, row.available);
      if (take > 0) allocations.push({ productId: demand.productId, warehouseId: row.warehouseId, quantity: take });
      remaining -= take;
    }
  }
  if (shortages.length) return { ok: false, shortages };
  return { ok: true, allocations: allocations.sort(byIds) };
}

/** Sorts anything keyed by (product id, warehouse id) into the lock order. */
export function inLockOrder<T extends { productId: string; warehouseId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(byIds);
}
