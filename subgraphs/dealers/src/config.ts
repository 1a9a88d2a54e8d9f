import { envInt, envOptional, readSubgraphConfig, type Env, type SubgraphConfig } from '@dealergraph/runtime';

/** How long tokens live. */
export interface TokenLifetimes {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Settings of the dealers subgraph; the only place it reads the environment. */
export interface DealersConfig extends SubgraphConfig, TokenLifetimes {
  /** PKCS#8 PEM of the ES256 key that signs access tokens. */
  jwtPrivateKey: string;
}

/** Reads the token lifetimes; the launcher, which runs dealers in-process, uses it too. */
export function readTokenLifetimes(env: Env): TokenLifetimes {
  return {
    accessTokenTtlSeconds: envInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
    refreshTokenTtlSeconds: envInt(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
  };
}

export function loadConfig(env: Env = process.env): DealersConfig {
  const jwtPrivateKey = envOptional(env, 'JWT_PRIVATE_KEY');
  if (!jwtPrivateKey) {
    throw new Error('Set JWT_PRIVATE_KEY to the PKCS#8 PEM of an ES256 key (npm start generates one for the demo).');
  }
  return {
    ...readSubgraphConfig(env, 4001, 'DEALERS_PORT'),
    jwtPrivateKey,
    ...readTokenLifetimes(env),
  };
}
