import { type InternalDealerSegment, tableOf } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { DealerPricing } from '../entities/dealer-pricing.entity.js';

/**
 * Applies the tier the dealers subgraph (its owner) sent: `dealer_pricing` is a projection of dealers'
 * master data, written only here, and read by every price query (no cache between requests), so a
 * tier change prices at once. Insert, or update only when the tier differs.
 */
export async function setDealerTier(ctx: PricesContext, segment: InternalDealerSegment): Promise<'CREATED' | 'UPDATED' | 'UNCHANGED'> {
  const table = tableOf(ctx.em, DealerPricing);
  const rows = await ctx.em.getConnection().execute<{ created: boolean }[]>(
    `insert into ${table} as d (dealer_id, tier) values (?::uuid, ?)
       on conflict (dealer_id) do update set tier = excluded.tier where d.tier is distinct from excluded.tier
     returning (xmax = 0) as created`,
    [segment.dealerId, segment.tier],
  );
  const row = rows[0];
  return !row ? 'UNCHANGED' : row.created ? 'CREATED' : 'UPDATED';
}
