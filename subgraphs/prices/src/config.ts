import { type Env, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

/** Settings of the prices subgraph; the only place it reads the environment. */
export type PricesConfig = SubgraphConfig;

/** Port from PRICES_PORT (default 4003); the rest as every subgraph (DATABASE_URL, GATEWAY_HMAC_SECRET, ...). */
export function loadConfig(env: Env = process.env): PricesConfig {
  return readSubgraphConfig(env, 4003, 'PRICES_PORT');
}
