import type { EntityClass, EntityName, MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM, type Options } from '@mikro-orm/postgresql';

export type { EntityManager } from '@mikro-orm/postgresql';

export interface OrmOptions {
  /** PostgreSQL connection string. */
  databaseUrl: string;
  /** The PostgreSQL schema this service owns; its tables and migration log live there only. */
  schema: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  /** Upper bound of pooled connections for this service. */
  poolSize?: number;
  debug?: boolean;
}

/** Options shared by the running service and the migration generator. */
export function ormConfig(options: OrmOptions): Options {
  return {
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    pool: {
      min: 0,
      max: options.poolSize ?? 8,
      // JIT compilation off on every connection: our statements are short OLTP reads whose cost estimate
      // can still pass jit_above_cost (a ranked search over the catalog does), and then compiling took
      // ~230 ms of a 540 ms search that runs in a few ms without it (docs/BENCHMARKS.md, catalog search).
      afterCreate: (
        connection: { query(sql: string, done: (error?: Error) => void): void },
        done: (error: Error | undefined, connection: unknown) => void,
      ) => {
        connection.query('set jit = off', (error) => done(error, connection));
      },
    },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Without this, a failed connection attempt only surfaces on the first query.
    ensureDatabase: false,
  };
}

/** Connects to the database; the caller runs migrations with `migrate`. */
export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies every pending migration of this service, in one transaction. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** A fresh EntityManager for one request: identity map and unit of work never leak between requests. */
export function forkEm(orm: MikroORM): EntityManager {
  return orm.em.fork();
}

/** Multi-row inserts in chunks, for seeding and imports: a few statements instead of one per row. */
export async function insertInChunks<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  rows: readonly object[],
  chunkSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await em.insertMany(entity, rows.slice(i, i + chunkSize) as never);
  }
}

/**
 * `"schema"."table"` of an entity in the schema this EntityManager was opened on, for the plain-SQL
 * read paths (lists and loaders that return rows instead of hydrated entities).
 */
export function tableOf(em: EntityManager, entity: EntityName<object>): string {
  const meta = em.getMetadata().get(entity as never);
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
