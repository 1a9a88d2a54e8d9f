import type { BaseContext } from '@dealergraph/runtime';
import type { ProductLoaders } from './loaders/product.loaders.js';

/** The per-request context of the products subgraph. */
export interface ProductsContext extends BaseContext {
  loaders: ProductLoaders;
}
