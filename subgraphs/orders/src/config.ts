import { readSubgraphConfig, type Env, type SubgraphConfig } from '@dealergraph/runtime';

/** Settings of the orders subgraph; the only place it reads the environment. */
export interface OrdersConfig extends SubgraphConfig {}

/** Reads the orders subgraph's settings; the port defaults to 4005 (ORDERS_PORT). */
export function loadConfig(env: Env = process.env): OrdersConfig {
  return {
    ...readSubgraphConfig(env, 4005, 'ORDERS_PORT'),
  };
}
