import { envInt, envOptional, envString, type Env } from '@dealergraph/runtime';

export const SUBGRAPH_NAMES = ['dealers', 'products', 'prices', 'credit', 'orders'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Settings of the gateway; the only place it reads the environment. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** SPKI PEM of the ES256 key that verifies access tokens. */
  jwtPublicKey: string;
  /** Key of the upstream request signatures, shared with the subgraphs. */
  hmacSecret: string;
  production: boolean;
  /** Where each subgraph listens; overrides the URLs in the committed supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Query planner: Hive's Rust planner (default, about twice the throughput) or the JavaScript one. */
  queryPlanner?: 'rust' | 'js';
}

const DEFAULT_PORTS: Record<SubgraphName, number> = { dealers: 4001, products: 4002, prices: 4003, credit: 4004, orders: 4005 };

export function loadConfig(env: Env = process.env): GatewayConfig {
  const jwtPublicKey = envOptional(env, 'JWT_PUBLIC_KEY');
  if (!jwtPublicKey) throw new Error('Set JWT_PUBLIC_KEY to the SPKI PEM of the ES256 key that signs access tokens (npm start generates one).');
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const port = envInt(env, `${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name]);
      return [name, envString(env, `${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`)];
    }),
  ) as Record<SubgraphName, string>;
  return {
    host: envString(env, 'GATEWAY_HOST', '0.0.0.0'),
    port: envInt(env, 'PORT', 4000),
    jwtPublicKey,
    hmacSecret: envString(env, 'GATEWAY_HMAC_SECRET'),
    production: env.NODE_ENV === 'production',
    subgraphUrls,
    queryPlanner: envString(env, 'GATEWAY_QUERY_PLANNER', 'rust') === 'js' ? 'js' : 'rust',
  };
}
