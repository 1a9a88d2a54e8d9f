import type { BaseContext, InternalClient } from '@dealergraph/runtime';

import type { PriceLoaders } from './loaders/price.loaders.js';

/** The per-request context of the prices subgraph. */
export interface PricesContext extends BaseContext {
  loaders: PriceLoaders;
  /** The instant this request prices at: which promotions and special prices are active. */
  now: Date;
  /** The owners of the references master data names (a SKU, a dealer code); absent outside a running service. */
  services?: { products: InternalClient<'products'>; dealers: InternalClient<'dealers'> };
}
