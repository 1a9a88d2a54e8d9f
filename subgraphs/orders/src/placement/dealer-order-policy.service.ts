import {
  formatAmount,
  normalizeId,
  ok,
  readAmount,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type Result,
  userError,
} from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { DealerOrderPolicy } from './dealer-order-policy.entity.js';

/** A dealer's minimum order amount as the API shows it. */
export interface MinimumOrderView {
  dealerId: string;
  /** Decimal string; "0.00": no minimum. */
  minimumAmount: string;
  belowMinimum: 'REFUSE' | 'APPROVAL';
}

/**
 * Sets a dealer's minimum order amount and what happens below it (a refusal, or a SALES_REP
 * approval). The distributor's ADMIN or GENERAL_MANAGER only.
 */
export async function setMinimumOrder(
  ctx: OrdersContext,
  input: { dealerId: string; minimumAmount: string; belowMinimum: 'REFUSE' | 'APPROVAL' },
): Promise<Result<MinimumOrderView>> {
  const claims = requireClaims(ctx.claims);
  const forbidden = refusalUnlessAllowed(
    claims,
    'Mutation.setMinimumOrderAmount',
    "Only the portal's ADMIN or a GENERAL_MANAGER sets minimum order amounts.",
  );
  if (forbidden) return refused(forbidden);
  const dealerId = normalizeId(input.dealerId);
  if (!dealerId) return refused(userError('NOT_FOUND', 'There is no such dealer.', ['input', 'dealerId']));
  const read = readAmount(input.minimumAmount, { field: ['input', 'minimumAmount'], min: 0, example: '250.00' });
  if (!read.ok) return read;
  const minimumAmount = read.value;
  await ctx.em.upsert(DealerOrderPolicy, { dealerId, minimumAmount, belowMinimum: input.belowMinimum });
  return ok({ dealerId, minimumAmount: formatAmount(minimumAmount), belowMinimum: input.belowMinimum });
}
