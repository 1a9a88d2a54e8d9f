import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Claims } from '../auth/claims.js';
import type { SubgraphConfig } from '../config.js';
import { forkEm, migrate, openOrm, type EntityManager } from '../db/orm.js';
import { createLogger } from '../logger.js';
import type { FederatedSchema } from './federated-schema.js';
import { startSubgraphServer, type ClientInfo, type RunningSubgraph } from './subgraph-server.js';

/** What every resolver gets: its own EntityManager fork and the verified caller. */
export interface BaseContext {
  em: EntityManager;
  claims: Claims | null;
  /** Who called, as the gateway vouched for it; absent outside a request (seeding, jobs). */
  client?: ClientInfo;
}

/** Progress of long work (seeding), for people watching a terminal. */
export type Progress = (message: string) => void;

/** Everything the runner needs to know about one subgraph. */
export interface SubgraphDefinition<TContext extends BaseContext = BaseContext, TSeedData = unknown> {
  /** Also the name of the PostgreSQL schema that holds this subgraph's tables. */
  name: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  buildSchema(): Promise<FederatedSchema>;
  /** Adds loaders and services to the base context of one request. */
  context(base: BaseContext): TContext;
  /**
   * Writes this subgraph's part of the demo data once; returns false when it was already there.
   * `data` is called only when something is to be written, so restarts do not generate it.
   */
  seed?(em: EntityManager, data: () => TSeedData, progress: Progress): Promise<boolean>;
}

export interface RunningService extends RunningSubgraph {
  orm: MikroORM;
}

const schemaCache = new WeakMap<object, Promise<FederatedSchema>>();

/** Builds a definition's schema once per process. */
export function schemaOf(definition: SubgraphDefinition<any, any>): Promise<FederatedSchema> {
  let cached = schemaCache.get(definition);
  if (!cached) {
    cached = definition.buildSchema();
    schemaCache.set(definition, cached);
  }
  return cached;
}

/** Opens the database for a subgraph (migrations are the caller's choice). */
export function openSubgraphOrm(definition: SubgraphDefinition<any, any>, config: Pick<SubgraphConfig, 'databaseUrl' | 'poolSize'>) {
  return openOrm({
    databaseUrl: config.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.poolSize,
  });
}

/** Starts one subgraph: connects, optionally migrates, serves. */
export async function runSubgraph(
  definition: SubgraphDefinition<any, any>,
  config: SubgraphConfig,
  options: { migrate?: boolean; orm?: MikroORM } = {},
): Promise<RunningService> {
  const logger = createLogger(definition.name, config.logLevel);
  const orm = options.orm ?? (await openSubgraphOrm(definition, config));
  if (options.migrate) await migrate(orm);
  const { schema } = await schemaOf(definition);
  const server = await startSubgraphServer({
    name: definition.name,
    schema,
    host: config.host,
    port: config.port,
    hmacSecret: config.hmacSecret,
    logger,
    context: (claims, client) => definition.context({ em: forkEm(orm), claims, client }),
  });
  return {
    ...server,
    orm,
    stop: async () => {
      await server.stop();
      if (!options.orm) await orm.close(true);
    },
  };
}
