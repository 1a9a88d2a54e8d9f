import { formatAmount, InvalidAmountError, normalizeId, parseAmount, requireClaims } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { DealerOrderPolicy } from '../entities/dealer-order-policy.entity.js';
import { type OrderUserError, userError } from './order-errors.js';

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
): Promise<{ policy: MinimumOrderView | null; userErrors: OrderUserError[] }> {
  const claims = requireClaims(ctx.claims);
  if (claims.role !== 'ADMIN' && claims.role !== 'GENERAL_MANAGER') {
    return {
      policy: null,
      userErrors: [userError('FORBIDDEN', "Only the portal's ADMIN or a GENERAL_MANAGER sets minimum order amounts.")],
    };
  }
  const dealerId = normalizeId(input.dealerId);
  if (!dealerId) return { policy: null, userErrors: [userError('NOT_FOUND', 'There is no such dealer.', ['input', 'dealerId'])] };
  let minimumAmount: number;
  try {
    minimumAmount = parseAmount(input.minimumAmount);
  } catch (error) {
    if (!(error instanceof InvalidAmountError)) throw error;
    return {
      policy: null,
      userErrors: [userError('INVALID_AMOUNT', `"${input.minimumAmount}" is not an amount such as "250.00".`, ['input', 'minimumAmount'])],
    };
  }
  if (minimumAmount < 0)
    return { policy: null, userErrors: [userError('INVALID_AMOUNT', 'The minimum cannot be negative.', ['input', 'minimumAmount'])] };
  await ctx.em.upsert(DealerOrderPolicy, { dealerId, minimumAmount, belowMinimum: input.belowMinimum });
  return { policy: { dealerId, minimumAmount: formatAmount(minimumAmount), belowMinimum: input.belowMinimum }, userErrors: [] };
}
