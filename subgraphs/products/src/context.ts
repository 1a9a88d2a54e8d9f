import type { BaseContext, EventHub } from '@dealergraph/runtime';

import type { ProductLoaders } from './loaders/product.loaders.js';
import type { StockChangeMessage } from './services/stock-events.service.js';

/** The per-request context of the products subgraph. */
export interface ProductsContext extends BaseContext {
  loaders: ProductLoaders;
  /** This instance's committed stock changes, for the stockChanged subscription; absent outside a running service. */
  stockEvents?: EventHub<StockChangeMessage>;
}
