import { randomUUID } from 'node:crypto';

import { tableOf } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { SpecialPrice } from '../entities/special-price.entity.js';

/** A special price to create for an approved request (ids canonical and amounts checked by the caller). */
export interface GrantInput {
  requestId: string;
  dealerId: string;
  productId: string;
  unitPrice: number;
  quantity: number;
  validFrom: Date;
  validTo: Date;
}

/**
 * Creates the special price of an approved special price request, limited to the granted quantity.
 * Idempotent by request id (a unique index): a repeat sets the same terms on the same row and answers
 * its id, so orders may retry an approval whose answer it never heard, and a retry after a revoked
 * attempt (its approval did not commit) opens the special price again. The limit never drops below
 * what orders already took.
 */
export async function grantSpecialPrice(ctx: PricesContext, input: GrantInput): Promise<{ specialPriceId: string }> {
  const table = tableOf(ctx.em, SpecialPrice);
  const [row] = await ctx.em.execute<{ id: string }[]>(
    `insert into ${table} as s (id, dealer_id, product_id, unit_price, valid_from, valid_to, quantity_limit, quantity_used, request_id)
     values (?, ?, ?, ?, ?, ?, ?, 0, ?)
     on conflict (request_id) do update
       set unit_price = excluded.unit_price, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
           quantity_limit = greatest(excluded.quantity_limit, s.quantity_used)
     returning id`,
    [randomUUID(), input.dealerId, input.productId, input.unitPrice, input.validFrom, input.validTo, input.quantity, input.requestId],
  );
  return { specialPriceId: row.id };
}

/**
 * Undoes a grant whose approval did not commit: the special price ends now (its window closes), so
 * no new order is priced with it. An order that already took units keeps its price. Idempotent.
 */
export async function revokeSpecialPrice(ctx: PricesContext, input: { requestId: string }): Promise<{ status: 'REVOKED' | 'NONE' }> {
  const result = await ctx.em.execute<{ affectedRows: number }>(
    `update ${tableOf(ctx.em, SpecialPrice)} set valid_to = least(coalesce(valid_to, ?::timestamptz), greatest(valid_from, ?::timestamptz)) where request_id = ?`,
    [ctx.now, ctx.now, input.requestId],
    'run',
  );
  return { status: result.affectedRows > 0 ? 'REVOKED' : 'NONE' };
}
