import { type Env, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

/** Settings of the products subgraph; the only place it reads the environment. */
export type ProductsConfig = SubgraphConfig;

/** Reads the common subgraph settings; the port is PRODUCTS_PORT, default 4002. */
export function loadConfig(env: Env = process.env): ProductsConfig {
  return readSubgraphConfig(env, 4002, 'PRODUCTS_PORT');
}
