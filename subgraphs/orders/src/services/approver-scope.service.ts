import type { Claims } from '@dealergraph/runtime';
import type { OrdersContext } from '../context.js';
import { approverScope, type ApproverScope } from '../domain/approver-scope.js';
import { Order } from '../entities/order.entity.js';

/**
 * The caller's approver scope. A REGIONAL_MANAGER's region is the dealers service's (asked through
 * its internal operation, once per request); the other roles need nothing looked up.
 */
export async function scopeOf(ctx: OrdersContext, claims: Claims): Promise<ApproverScope> {
  let region: string | null = null;
  if (claims.role === 'REGIONAL_MANAGER') region = (await ctx.services.dealers.call('staffProfile', { userId: claims.sub })).region;
  return approverScope({ role: claims.role, userId: claims.sub, region });
}

/** The scope as a SQL condition on the order alias `o`, with its parameters. */
export function scopeCondition(scope: ApproverScope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'ALL':
      return { sql: 'true', params: [] };
    case 'DEALERS_OF_REP':
      return { sql: 'o.sales_rep_user_id = ?', params: [scope.userId] };
    case 'REGION':
      return { sql: 'o.dealer_region = ?', params: [scope.region] };
    case 'NONE':
      return { sql: 'false', params: [] };
  }
}

/**
 * Gives pending orders placed before scopes existed their dealer's rep and region (one batched call
 * to dealers), so that reps and managers find them in their queues. Returns how many it filled.
 */
export async function fillMissingScopes(ctx: OrdersContext, limit = 500): Promise<number> {
  const orders = await ctx.em.find(Order, { status: 'PENDING_APPROVAL', workflow: 'DONE', dealerRegion: null }, { fields: ['id', 'dealerId'], limit });
  if (orders.length === 0) return 0;
  const { dealers } = await ctx.services.dealers.call('dealerProfiles', { dealerIds: [...new Set(orders.map((o) => o.dealerId))] });
  let filled = 0;
  for (const dealer of dealers) {
    filled += await ctx.em.nativeUpdate(
      Order,
      { dealerId: dealer.id, status: 'PENDING_APPROVAL', dealerRegion: null },
      { dealerRegion: dealer.region, salesRepUserId: dealer.salesRepUserId },
    );
  }
  return filled;
}
