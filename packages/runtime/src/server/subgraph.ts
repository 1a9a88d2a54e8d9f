import type { Server } from 'node:http';

import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';

import type { Claims } from '../auth/claims.js';
import { redisNonceMemory } from '../auth/shared-nonces.js';
import type { SubgraphConfig } from '../config.js';
import { type EntityManager, forkEm, migrate, openOrm } from '../db/orm.js';
import { internalClient } from '../internal/index.js';
import { createLogger, type Logger } from '../logger.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin.js';
import { type MetricsServer, serveMetrics } from '../metrics/metrics-server.js';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics.js';
import { startTracing } from '../telemetry/tracing.js';
import { type ErpSyncKind, erpSyncPlugin } from './erp-sync.plugin.js';
import type { FederatedSchema } from './federated-schema.js';
import { type ClientInfo, type RunningSubgraph, startSubgraphServer } from './subgraph-server.js';

/** What every resolver gets: its own EntityManager fork and the verified caller. */
export interface BaseContext {
  em: EntityManager;
  claims: Claims | null;
  /** Who called, as the gateway vouched for it; absent outside a request (seeding, jobs). */
  client?: ClientInfo;
}

/** Progress of long work (seeding), for people watching a terminal. */
export type Progress = (message: string) => void;

/** What a running subgraph's hooks get: its settings, its database and its log. */
export interface SubgraphRuntime {
  config: SubgraphConfig;
  orm: MikroORM;
  logger: Logger;
  /** Its Prometheus metrics: background work adds its gauges (queue depth, outbox lag) here. */
  metrics: ServiceMetrics;
}

/** What background work may serve on besides HTTP requests (e.g. graphql-ws on the same server). */
export interface SubgraphServing<TContext> {
  /** The subgraph's own HTTP server, already listening. */
  httpServer: Server;
  /** Its express app: plain HTTP routes a subgraph serves besides GraphQL (the gateway forwards them). */
  app: RunningSubgraph['app'];
  schema: GraphQLSchema;
  /** A fresh context for a caller whose claims were verified (from a signed body, never from headers). */
  contextFor(claims: Claims | null): TContext;
}

/** Everything the runner needs to know about one subgraph. */
export interface SubgraphDefinition<TContext extends BaseContext = BaseContext, TSeedData = unknown> {
  /** Also the name of the PostgreSQL schema that holds this subgraph's tables. */
  name: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  buildSchema(): Promise<FederatedSchema>;
  /**
   * Set when the schema depends on nothing of this instance (its resolvers read everything from the
   * context): definitions with the same key share one schema per process, so a process that runs
   * many stacks (the test suite) builds it once. Unset when the schema holds instance state (a pubSub).
   */
  schemaCacheKey?: string;
  /** The largest GraphQL request body this subgraph accepts, in bytes; 2 MB when unset (a subgraph that takes files raises it). */
  maxBodyBytes?: number;
  /** Adds loaders and services to the base context of one request (also for internal operations, with no claims). */
  context(base: BaseContext, runtime?: SubgraphRuntime): TContext;
  /**
   * The internal operations this subgraph owns (see `packages/runtime/src/internal/contracts.ts`),
   * given a factory of fresh contexts with no caller claims.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  internalOperations?(newContext: () => TContext, runtime: SubgraphRuntime): Record<string, (input: any) => Promise<unknown>>;
  /**
   * The mutations by which the ERP's client syncs a kind of data (recordInvoice: INVOICES): each
   * success is reported to the integration monitor (erp-sync.plugin.ts).
   */
  erpSyncs?: Readonly<Record<string, ErpSyncKind>>;
  /** Background work that lives as long as the service (sweepers, queues); returns how to stop it. */
  start?(runtime: SubgraphRuntime, newContext: () => TContext, serving: SubgraphServing<TContext>): Promise<() => Promise<void>>;
  /**
   * Writes this subgraph's part of the demo data once; returns false when it was already there.
   * `data` is called only when something is to be written, so restarts do not generate it.
   */
  seed?(em: EntityManager, data: () => TSeedData, progress: Progress): Promise<boolean>;
}

export interface RunningService extends RunningSubgraph {
  orm: MikroORM;
  metrics: ServiceMetrics;
  /** The port of its `/metrics` listener; null when it has none. */
  metricsPort: number | null;
}

/** Adds the database pool's connections in use, idle and waited for (`dealergraph_db_pool_connections{state}`). */
function watchPool(metrics: ServiceMetrics, orm: MikroORM) {
  metrics.gauge(
    'dealergraph_db_pool_connections',
    'Database pool connections by state: used, free, pending (requests waiting for one).',
    () => {
      const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
      if (!pool) return [];
      return [
        { labels: { state: 'used' }, value: pool.numUsed() },
        { labels: { state: 'free' }, value: pool.numFree() },
        { labels: { state: 'pending' }, value: pool.numPendingAcquires() },
      ];
    },
    ['state'],
  );
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** A taken metrics port is the operator's to fix, not a reason to refuse orders: the service runs without it. */
async function listenForScrapes(
  metrics: ServiceMetrics,
  at: { host: string; port: number },
  logger: Logger,
): Promise<MetricsServer | null> {
  try {
    return await serveMetrics(metrics.registry, at);
  } catch (error) {
    logger.warn(
      `metrics listener not started on ${at.host}:${at.port} (${(error as Error).message}); set ${metrics.service.toUpperCase()}_METRICS_PORT`,
    );
    return null;
  }
}

const schemaCache = new WeakMap<object, Promise<FederatedSchema>>();
const sharedSchemas = new Map<string, Promise<FederatedSchema>>();

/** Builds a definition's schema once per process (once per `schemaCacheKey` when it has one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
export function schemaOf(definition: SubgraphDefinition<any, any>): Promise<FederatedSchema> {
  const key = definition.schemaCacheKey;
  let cached = key ? sharedSchemas.get(key) : schemaCache.get(definition);
  if (!cached) {
    cached = definition.buildSchema();
    if (key) sharedSchemas.set(key, cached);
    else schemaCache.set(definition, cached);
  }
  return cached;
}

/** Opens the database for a subgraph (migrations are the caller's choice). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
export function openSubgraphOrm(definition: SubgraphDefinition<any, any>, config: Pick<SubgraphConfig, 'databaseUrl' | 'poolSize'>) {
  return openOrm({
    databaseUrl: config.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.poolSize,
  });
}

/** Sends a sync the ERP made to the integration monitor; a failure is a warning, never the ERP's problem. */
function reportSync(config: SubgraphConfig, logger: Logger) {
  return (kind: ErpSyncKind, source: string) => {
    // The URL is read at call time: in one process, integration may start after this service.
    const integration = internalClient('integration', {
      baseUrl: config.serviceUrls.integration,
      key: config.internalKey,
      timeoutMs: 5_000,
    });
    integration.call('markSynced', { kind, source }).catch((error: unknown) => {
      logger.warn('could not report an ERP sync to the integration monitor', { kind, error: String(error) });
    });
  };
}

/**
 * The Redis connection of a service's shared state: a command that cannot be answered within a
 * second fails (the caller falls back to what this process knows) instead of waiting for Redis.
 */
function sharedStateClient(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  redis.on('error', (error: Error) => logger.warn('redis (shared state)', { message: error.message }));
  return redis;
}

/** Starts one subgraph: connects, optionally migrates, serves. */
export async function runSubgraph(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  definition: SubgraphDefinition<any, any>,
  config: SubgraphConfig,
  options: { migrate?: boolean; orm?: MikroORM } = {},
): Promise<RunningService> {
  const logger = createLogger(definition.name, config.logLevel, config.logFormat);
  // First: the instrumentations must be in place before the database pool makes its first connection.
  const tracing = await startTracing(definition.name, config.tracing);
  const orm = options.orm ?? (await openSubgraphOrm(definition, config));
  if (options.migrate) await migrate(orm);
  const { schema } = await schemaOf(definition);
  const metrics = createServiceMetrics(definition.name, { process: !!config.metrics });
  watchPool(metrics, orm);
  const runtime: SubgraphRuntime = { config, orm, logger, metrics };
  const newContext = (claims: Claims | null = null, client?: ClientInfo) =>
    definition.context({ em: forkEm(orm), claims, client }, runtime);
  const handlers = definition.internalOperations?.(() => newContext(null), runtime);
  // Several instances share one nonce memory, so a signed body replayed to another instance is refused too.
  const redis = config.redisUrl ? sharedStateClient(config.redisUrl, logger) : null;
  const server = await startSubgraphServer({
    name: definition.name,
    schema,
    host: config.host,
    port: config.port,
    hmacSecret: config.hmacSecret,
    logger,
    context: newContext,
    plugins: [
      graphqlMetricsPlugin(metrics),
      ...(definition.erpSyncs ? [erpSyncPlugin({ syncs: definition.erpSyncs, report: reportSync(config, logger) })] : []),
    ],
    internal: handlers ? { key: config.internalKey, handlers, faultInjection: config.faultInjection && !config.production } : undefined,
    maxBodyBytes: definition.maxBodyBytes,
    nonces: redis ? redisNonceMemory({ redis, keyPrefix: config.redisKeyPrefix ?? 'dealergraph:', logger }) : undefined,
  });
  const stopBackground = await definition.start?.(runtime, () => newContext(null), {
    httpServer: server.httpServer,
    app: server.app,
    schema,
    contextFor: newContext,
  });
  const metricsServer = config.metrics ? await listenForScrapes(metrics, config.metrics, logger) : null;
  // Once: a test that takes a service down mid-run, then stops the whole stack, stops it twice.
  let stopped: Promise<void> | undefined;
  return {
    ...server,
    orm,
    metrics,
    metricsPort: metricsServer?.port ?? null,
    stop: () =>
      (stopped ??= (async () => {
        await metricsServer?.stop();
        await stopBackground?.();
        await server.stop();
        redis?.disconnect();
        if (!options.orm) await orm.close(true);
        await tracing.stop();
      })()),
  };
}
