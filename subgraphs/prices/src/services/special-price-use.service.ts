import type { ConsumeSpecialPricesResult, SpecialPriceUseLine } from '@dealergraph/runtime';
import { type EntityManager, tableOf } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { SpecialPrice } from '../entities/special-price.entity.js';
import { SpecialPriceUse, type SpecialPriceUseRow } from '../entities/special-price-use.entity.js';
import { activeAt } from '../loaders/price.queries.js';

/**
 * Orders take units of granted special prices when an order is placed, and give them back when it
 * ends without delivery (rejection, cancellation, a failed workflow), like products' stock
 * reservations:
 * - all lines or none, in one transaction; each special price row changes by one conditional update
 *   (`quantity_used + q <= quantity_limit`, still active), its row count checked, rows in id order so
 *   two orders cannot deadlock. Two orders racing for the last units: one gets them, the other
 *   EXHAUSTED (a check constraint backs the rule up);
 * - idempotent by order id through `special_price_use`: a repeat answers the first result; a release
 *   before any use leaves a tombstone, so a late consume answers RELEASED.
 */

class Exhausted extends Error {
  constructor(readonly shortages: Extract<ConsumeSpecialPricesResult, { status: 'EXHAUSTED' }>['shortages']) {
    super('special price quantity exhausted');
  }
}

/** The lines summed per special price, in lock order (by id). */
function bySpecialPrice(lines: readonly SpecialPriceUseLine[]): (SpecialPriceUseRow & { productId: string })[] {
  const sums = new Map<string, SpecialPriceUseRow & { productId: string }>();
  for (const line of lines) {
    const row = sums.get(line.specialPriceId) ?? { specialPriceId: line.specialPriceId, productId: line.productId, quantity: 0 };
    row.quantity += line.quantity;
    sums.set(line.specialPriceId, row);
  }
  return [...sums.values()].sort((a, b) => (a.specialPriceId < b.specialPriceId ? -1 : a.specialPriceId > b.specialPriceId ? 1 : 0));
}

/** Takes the lines' units from their special prices (see the header). Ids canonical, quantities checked by the caller. */
export async function consumeSpecialPrices(
  ctx: PricesContext,
  input: { orderId: string; dealerId: string; lines: readonly SpecialPriceUseLine[] },
): Promise<ConsumeSpecialPricesResult> {
  const uses = tableOf(ctx.em, SpecialPriceUse);
  const prices = tableOf(ctx.em, SpecialPrice);
  const rows = bySpecialPrice(input.lines);
  try {
    return await ctx.em.transactional(async (tx) => {
      // Claims the order; a concurrent call for the same order waits here until this one ends.
      const claimed = await tx.execute<{ order_id: string }[]>(
        `insert into ${uses} (order_id, dealer_id, status, lines) values (?, ?, 'CONSUMED', ?::jsonb) on conflict (order_id) do nothing returning order_id`,
        [input.orderId, input.dealerId, JSON.stringify(rows.map(({ specialPriceId, quantity }) => ({ specialPriceId, quantity })))],
      );
      if (!claimed.length) {
        const [use] = await tx.execute<{ status: string }[]>(`select status from ${uses} where order_id = ? for update`, [input.orderId]);
        return use.status === 'RELEASED' ? { status: 'RELEASED' as const } : { status: 'CONSUMED' as const };
      }
      const shortages: Extract<ConsumeSpecialPricesResult, { status: 'EXHAUSTED' }>['shortages'] = [];
      for (const row of rows) {
        const changed = await tx.execute<{ affectedRows: number }>(
          `update ${prices} s set quantity_used = s.quantity_used + ?
            where s.id = ? and s.dealer_id = ? and s.product_id = ? and ${activeAt('s')}
              and (s.quantity_limit is null or s.quantity_used + ? <= s.quantity_limit)`,
          [row.quantity, row.specialPriceId, input.dealerId, row.productId, ctx.now, ctx.now, row.quantity],
          'run',
        );
        if (changed.affectedRows === 1) continue;
        shortages.push({
          specialPriceId: row.specialPriceId,
          productId: row.productId,
          requested: row.quantity,
          remaining: await remaining(tx, row.specialPriceId, ctx.now),
        });
      }
      if (shortages.length) throw new Exhausted(shortages);
      return { status: 'CONSUMED' as const };
    });
  } catch (error) {
    // Rolled back, the claim included: nothing of this order was taken, and a retry may try again.
    if (error instanceof Exhausted) return { status: 'EXHAUSTED', shortages: error.shortages };
    throw error;
  }
}

/** Units left of a special price now: 0 when it is no longer active or unknown. */
async function remaining(tx: EntityManager, specialPriceId: string, now: Date): Promise<number> {
  const [row] = await tx.execute<{ left: number | null }[]>(
    `select s.quantity_limit - s.quantity_used as "left" from ${tableOf(tx, SpecialPrice)} s where s.id = ? and ${activeAt('s')}`,
    [specialPriceId, now, now],
  );
  return row ? Math.max(0, Number(row.left ?? 0)) : 0;
}

/** Gives an order's units back (see the header). NONE when it never took any (and from now on never will). Idempotent. */
export async function releaseSpecialPrices(ctx: PricesContext, input: { orderId: string }): Promise<{ status: 'RELEASED' | 'NONE' }> {
  const uses = tableOf(ctx.em, SpecialPriceUse);
  return ctx.em.transactional(async (tx) => {
    const tombstone = await tx.execute<{ order_id: string }[]>(
      `insert into ${uses} (order_id, status) values (?, 'RELEASED') on conflict (order_id) do nothing returning order_id`,
      [input.orderId],
    );
    if (tombstone.length) return { status: 'NONE' as const };
    const [use] = await tx.execute<{ status: string; dealer_id: string | null; lines: SpecialPriceUseRow[] | null }[]>(
      `select status, dealer_id, lines from ${uses} where order_id = ? for update`,
      [input.orderId],
    );
    if (use.status === 'RELEASED') return { status: use.dealer_id === null ? ('NONE' as const) : ('RELEASED' as const) };
    const rows = [...(use.lines ?? [])].sort((a, b) => (a.specialPriceId < b.specialPriceId ? -1 : 1));
    for (const row of rows) {
      await tx.execute(
        `update ${tableOf(tx, SpecialPrice)} set quantity_used = greatest(quantity_used - ?, 0) where id = ?`,
        [row.quantity, row.specialPriceId],
        'run',
      );
    }
    await tx.execute(`update ${uses} set status = 'RELEASED', updated_at = now() where order_id = ?`, [input.orderId], 'run');
    return { status: 'RELEASED' as const };
  });
}
