import { randomBytes } from 'node:crypto';

import type { CreditThresholds } from '@dealergraph/credit';
import type { MfaPolicy, PasswordHashCost, TokenLifetimes } from '@dealergraph/dealers';
import { type RunningGateway, type SecuritySettings, startGateway } from '@dealergraph/gateway';
import type { IntegrationOptions } from '@dealergraph/integration';
import {
  DEFAULT_PORTS,
  deriveInternalKey,
  generateSigningKeys,
  type Progress,
  type RunningService,
  runSubgraph,
} from '@dealergraph/runtime';

import { type Orms, prepareDatabase } from './prepare.js';
import { type OrdersStackSettings, subgraphDefinitions, type SubgraphName } from './subgraphs.js';

export interface StackOptions {
  databaseUrl: string;
  /** 0 picks free ports (tests). */
  gatewayPort: number;
  /** 0 picks a free port; integration, left out, picks a free one too. */
  ports: Omit<Record<SubgraphName, number>, 'integration'> & { integration?: number };
  hmacSecret?: string;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  production?: boolean;
  seed: boolean;
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
  gatewayHost?: string;
  progress?: Progress;
  poolSize?: number;
  creditThresholds?: CreditThresholds;
  tokenLifetimes?: TokenLifetimes;
  /** Who must use two-factor sign-in (the staff rule); off when unset, as in demo mode. */
  mfaPolicy?: MfaPolicy;
  /** Key of the internal service calls; derived from the HMAC secret when unset. */
  internalKey?: string;
  /** Tests only: lets `injectInternalFault` make internal operations fail. */
  faultInjection?: boolean;
  /**
   * REDIS_URL: order events fan out through Redis, and the gateway's rate limits and cost budgets and the
   * subgraphs' signature nonces are kept there, so several instances can run side by side.
   */
  redisUrl?: string;
  /** The start of every Redis key (default `dealergraph:`); tests give each stack its own. */
  redisKeyPrefix?: string;
  /** The gateway's abuse controls; defaults for anything left out. */
  gatewaySecurity?: Partial<SecuritySettings>;
  /** The orders subgraph's approval clock and workflow settings (tests). */
  orders?: OrdersStackSettings;
  /** The integration subgraph's settings (tests: short webhook retries). */
  integration?: IntegrationOptions;
  /** Tests only: a cheaper argon2 for new passwords (the default is the production cost). */
  passwordHashCost?: PasswordHashCost;
}

export interface RunningStack {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningService>;
  orms: Orms;
  /** The secret the gateway signs with, so tests can forge or verify signatures. */
  hmacSecret: string;
  /** The public key that verifies access tokens, so a test can start a second gateway beside the first. */
  jwtPublicKey: string;
  stop(): Promise<void>;
}

/**
 * Runs the whole graph in one process: migrations (and demo data), the five subgraphs, the gateway.
 * Missing secrets are generated for this run only (demo mode).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const progress = options.progress ?? (() => {});
  const hmacSecret = options.hmacSecret ?? randomBytes(32).toString('base64url');
  const keys =
    options.jwtPrivateKey && options.jwtPublicKey
      ? { privateKey: options.jwtPrivateKey, publicKey: options.jwtPublicKey }
      : await generateSigningKeys();
  const definitions = await subgraphDefinitions(keys.privateKey, {
    creditThresholds: options.creditThresholds,
    tokenLifetimes: options.tokenLifetimes,
    hmacSecret,
    mfaPolicy: options.mfaPolicy,
    orders: options.orders,
    integration: options.integration,
    passwordHashCost: options.passwordHashCost,
  });
  const orms = await prepareDatabase({
    databaseUrl: options.databaseUrl,
    definitions,
    seed: options.seed,
    progress,
    poolSize: options.poolSize,
  });
  const subgraphs = {} as Record<SubgraphName, RunningService>;
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  };
  // Subgraphs start in dependency order (integration before orders, orders last), so each learns the real ports of those before it;
  // all share this one map, so a service that calls one started after it (dealers publishing a
  // dealer's segment to prices and products) reads that real port at call time.
  const serviceUrls = Object.fromEntries(
    Object.entries(DEFAULT_PORTS).map(([name, port]) => [name, `http://127.0.0.1:${options.ports[name as SubgraphName] || port}`]),
  ) as Record<SubgraphName, string>;
  try {
    for (const name of Object.keys(definitions) as SubgraphName[]) {
      subgraphs[name] = await runSubgraph(
        definitions[name],
        {
          host: '127.0.0.1',
          port: options.ports[name] ?? 0,
          databaseUrl: options.databaseUrl,
          hmacSecret,
          production: options.production ?? false,
          poolSize: options.poolSize ?? 8,
          logLevel: options.logLevel ?? 'warn',
          internalKey: options.internalKey ?? deriveInternalKey(hmacSecret),
          serviceUrls,
          faultInjection: options.faultInjection ?? false,
          ...(options.redisUrl ? { redisUrl: options.redisUrl, redisKeyPrefix: options.redisKeyPrefix ?? 'dealergraph:' } : {}),
        },
        { orm: orms[name] },
      );
      serviceUrls[name] = `http://127.0.0.1:${subgraphs[name].port}`;
    }
    gateway = await startGateway({
      host: options.gatewayHost ?? '0.0.0.0',
      port: options.gatewayPort,
      jwtPublicKey: keys.publicKey,
      hmacSecret,
      production: options.production ?? false,
      security: options.gatewaySecurity,
      refreshTokenTtlSeconds: options.tokenLifetimes?.refreshTokenTtlSeconds,
      ...(options.redisUrl ? { redisUrl: options.redisUrl, redisKeyPrefix: options.redisKeyPrefix ?? 'dealergraph:' } : {}),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<SubgraphName, string>,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: gateway.url, gateway, subgraphs, orms, hmacSecret, jwtPublicKey: keys.publicKey, stop };
}
