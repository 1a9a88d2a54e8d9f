import {
  ConfigError,
  type Env,
  envBool,
  envInt,
  envOptional,
  envString,
  type MetricsListener,
  readMetricsListener,
  readTracingConfig,
  type TracingConfig,
} from '@dealergraph/runtime';

import { imageOrigin } from './web/web-app.js';

export const SUBGRAPH_NAMES = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration'] as const;
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
  /** Abuse controls; anything left out takes its default (see {@link DEFAULT_SECURITY}). */
  security?: Partial<SecuritySettings>;
  /** The built web app served at `/` (default client/web/dist); null serves none. */
  webAppDir?: string | null;
  /**
   * Origins the web app may show product pictures from (its Content-Security-Policy img-src), as the
   * product data's image URLs name them. WEB_IMAGE_ORIGINS, comma-separated https origins; default
   * the demo data's picture host in demo mode, none in production.
   */
  webImageOrigins?: string[];
  /** Lifetime of the browser session cookie: the refresh token's, as the dealers subgraph issues it. */
  refreshTokenTtlSeconds?: number;
  /** On stop: how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceMs?: number;
  /** Where Prometheus scrapes the gateway: GATEWAY_METRICS_PORT (default 9400, `off` for none) on METRICS_HOST (loopback). */
  metrics?: MetricsListener;
  /**
   * REDIS_URL: the rate limits and cost budgets live there, shared by every gateway on it, so two
   * gateways grant a caller one budget between them. Unset: in this process (`npm start`).
   */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX (default `dealergraph:`): the start of every key, so deployments or test runs can share a Redis. */
  redisKeyPrefix?: string;
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT: where the OpenTelemetry traces go (OTLP/HTTP JSON); each request starts
   * one, which every subgraph call carries on (`traceparent`). Absent or no endpoint: off, and not loaded.
   */
  tracing?: TracingConfig;
}

/** The gateway's abuse controls. docs/SECURITY.md lists each with the test that proves it. */
export interface SecuritySettings {
  /**
   * Proxies whose X-Forwarded-For is believed: addresses, CIDRs, or loopback / linklocal / uniquelocal.
   * Default: loopback in the demo, none in production (a local process must not pass allow-lists and
   * reset rate limits with a forged header); name the real proxies there.
   */
  trustedProxies: string[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Sign-in attempts per client address: a burst, then this many per minute. */
  signInBurst: number;
  signInPerMinute: number;
  /** How long a live session is believed before the dealers subgraph is asked again. */
  sessionCheckTtlMs: number;
  /** Longest wait for one subgraph call. */
  upstreamTimeoutMs: number;
  /** How often open sockets are checked for ended sessions and expired tokens. */
  socketSweepMs: number;
  /**
   * Production only: refuse documents sent as text unless the caller is an API client; the apps send
   * the ids of their persisted documents (client/persisted-documents.json). Default on in production;
   * always off in demo mode.
   */
  persistedDocumentsRequired: boolean;
  /** Cost limits (security/operation-cost.ts); unset, the mode's defaults in {@link COST_LIMITS}. */
  maxCost?: number;
  costBurst?: number;
  costPerSecond?: number;
}

/** Most an operation may cost, and each caller's budget: strict in production, roomy in the demo. */
export const COST_LIMITS = {
  production: { maxCost: 2_500, costBurst: 25_000, costPerSecond: 5_000 },
  // The demo's budget leaves room for the benchmarks (about 1,000 requests/s of a 300-point query).
  demo: { maxCost: 5_000, costBurst: 2_000_000, costPerSecond: 1_000_000 },
} as const;

export const DEFAULT_SECURITY: SecuritySettings = {
  trustedProxies: ['loopback'],
  maxBodyBytes: 2 * 1024 * 1024,
  signInBurst: 30,
  signInPerMinute: 30,
  sessionCheckTtlMs: 5_000,
  upstreamTimeoutMs: 30_000,
  socketSweepMs: 5_000,
  persistedDocumentsRequired: false,
};

/** What production changes in the defaults: no proxy trusted, persisted documents required. */
export const PRODUCTION_SECURITY: Pick<SecuritySettings, 'trustedProxies' | 'persistedDocumentsRequired'> = {
  trustedProxies: [],
  persistedDocumentsRequired: true,
};

/** The defaults of a mode. */
export function defaultSecurity(production: boolean): SecuritySettings {
  return production ? { ...DEFAULT_SECURITY, ...PRODUCTION_SECURITY } : DEFAULT_SECURITY;
}

/** Reads the security settings (TRUSTED_PROXIES is a comma-separated list; "none" trusts no proxy). */
export function readSecuritySettings(env: Env, production = env.NODE_ENV === 'production'): SecuritySettings {
  const defaults = defaultSecurity(production);
  const proxies = envString(env, 'TRUSTED_PROXIES', defaults.trustedProxies.join(',') || 'none');
  return {
    trustedProxies:
      proxies === 'none'
        ? []
        : proxies
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
    maxBodyBytes: envInt(env, 'MAX_BODY_BYTES', DEFAULT_SECURITY.maxBodyBytes),
    signInBurst: envInt(env, 'SIGN_IN_BURST', DEFAULT_SECURITY.signInBurst),
    signInPerMinute: envInt(env, 'SIGN_IN_PER_MINUTE', DEFAULT_SECURITY.signInPerMinute),
    sessionCheckTtlMs: envInt(env, 'SESSION_CHECK_TTL_MS', DEFAULT_SECURITY.sessionCheckTtlMs),
    upstreamTimeoutMs: envInt(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_SECURITY.upstreamTimeoutMs),
    socketSweepMs: envInt(env, 'SOCKET_SWEEP_MS', DEFAULT_SECURITY.socketSweepMs),
    persistedDocumentsRequired: envBool(env, 'PERSISTED_DOCUMENTS_REQUIRED', defaults.persistedDocumentsRequired),
    maxCost: optionalInt(env, 'MAX_OPERATION_COST'),
    costBurst: optionalInt(env, 'COST_BUDGET_BURST'),
    costPerSecond: optionalInt(env, 'COST_BUDGET_PER_SECOND'),
  };
}

function optionalInt(env: Env, key: string): number | undefined {
  return envOptional(env, key) === undefined ? undefined : envInt(env, key, 0);
}

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  dealers: 4001,
  products: 4002,
  prices: 4003,
  credit: 4004,
  orders: 4005,
  integration: 4006,
};

/** The demo data's picture host (packages/demo-data, product-details.ts). */
export const DEMO_IMAGE_ORIGIN = 'https://images.demo.dealergraph.example';

/** WEB_IMAGE_ORIGINS: comma-separated origins (https, or http on loopback); anything else stops the start. */
export function readImageOrigins(env: Env, production: boolean): string[] {
  const value = envOptional(env, 'WEB_IMAGE_ORIGINS');
  if (value === undefined) return production ? [] : [DEMO_IMAGE_ORIGIN];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const origin = imageOrigin(item);
      if (!origin) throw new ConfigError(`WEB_IMAGE_ORIGINS: "${item}" is not an https origin (https://host[:port]).`);
      return origin;
    });
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  const jwtPublicKey = envOptional(env, 'JWT_PUBLIC_KEY');
  if (!jwtPublicKey)
    throw new ConfigError('Set JWT_PUBLIC_KEY to the SPKI PEM of the ES256 key that signs access tokens (npm start generates one).');
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
    security: readSecuritySettings(env),
    webAppDir: envOptional(env, 'WEB_APP_DIR'),
    webImageOrigins: readImageOrigins(env, env.NODE_ENV === 'production'),
    refreshTokenTtlSeconds: envInt(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
    shutdownGraceMs: envInt(env, 'SHUTDOWN_GRACE_MS', 10_000),
    metrics: readMetricsListener(env, 'GATEWAY_METRICS_PORT', 9400),
    redisUrl: envOptional(env, 'REDIS_URL'),
    redisKeyPrefix: envString(env, 'REDIS_KEY_PREFIX', 'dealergraph:'),
    tracing: readTracingConfig(env),
  };
}
