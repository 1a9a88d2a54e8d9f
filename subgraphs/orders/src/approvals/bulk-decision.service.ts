import { normalizeId, requireClaims } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import type { OrderDecisionResult } from '../orders/order-decision.service.js';
import { approveOrder, type RejectInput, rejectOrder } from './approval-decision.service.js';

/** At most this many orders per bulk decision: one screen of an approver's queue, bounded work per call. */
export const MAX_BULK_ORDERS = 100;

export interface BulkDecisionItem extends OrderDecisionResult {
  orderId: string;
}

export type BulkDecision = { kind: 'approve'; comment: string | null } | ({ kind: 'reject' } & RejectInput);

/**
 * Decides many orders in one call, one after another, each exactly like its single mutation (its own
 * transaction, credit re-checked and held at that moment): one order's refusal does not undo or stop
 * the others. Returns one result per requested id, in request order; a repeated id is decided once.
 */
export async function decideOrders(
  ctx: OrdersContext,
  orderIds: readonly string[],
  decision: BulkDecision,
): Promise<BulkDecisionItem[] | { code: string; message: string }> {
  requireClaims(ctx.claims);
  if (orderIds.length === 0) return { code: 'INVALID_INPUT', message: 'Name at least one order.' };
  if (orderIds.length > MAX_BULK_ORDERS)
    return { code: 'INVALID_INPUT', message: `At most ${MAX_BULK_ORDERS} orders per call; send the rest in another.` };
  const done = new Map<string, OrderDecisionResult>();
  const results: BulkDecisionItem[] = [];
  for (const given of orderIds) {
    const key = normalizeId(given) ?? given;
    let result = done.get(key);
    if (!result) {
      // A fresh unit of work per order, as if each came in its own request.
      const own = { ...ctx, em: ctx.em.fork() };
      result = decision.kind === 'approve' ? await approveOrder(own, given, decision.comment) : await rejectOrder(own, given, decision);
      done.set(key, result);
    }
    results.push({ orderId: given, ...result });
  }
  return results;
}
