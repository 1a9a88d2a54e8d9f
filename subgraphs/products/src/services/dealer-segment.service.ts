import type { InternalDealerSegment } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { SCHEMA } from '../schema-name.js';

/**
 * Applies the segment the dealers subgraph (its owner) sent: products' `dealer_segment` is a
 * projection of dealers' master data, written only here, so assortment grants by tier, region or
 * dealer type follow a change at once. One statement: insert, or update only when something differs;
 * the preferred warehouse (products' own fact) is left as it is.
 */
export async function setDealerSegment(ctx: ProductsContext, segment: InternalDealerSegment): Promise<'CREATED' | 'UPDATED' | 'UNCHANGED'> {
  const rows = await ctx.em.getConnection().execute<{ created: boolean }[]>(
    `insert into "${SCHEMA}"."dealer_segment" as ds (dealer_id, tier, region, dealer_type) values (?::uuid, ?, ?, ?)
       on conflict (dealer_id) do update set tier = excluded.tier, region = excluded.region, dealer_type = excluded.dealer_type
       where (ds.tier, ds.region, ds.dealer_type) is distinct from (excluded.tier, excluded.region, excluded.dealer_type)
     returning (xmax = 0) as created`,
    [segment.dealerId, segment.tier, segment.region, segment.dealerType],
  );
  const row = rows[0];
  return !row ? 'UNCHANGED' : row.created ? 'CREATED' : 'UPDATED';
}
