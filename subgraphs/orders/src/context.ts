import type { BaseContext } from '@dealergraph/runtime';
import type { OrderLoaders } from './loaders/order.loaders.js';

/** The per-request context of the orders subgraph. */
export interface OrdersContext extends BaseContext {
  loaders: OrderLoaders;
}
