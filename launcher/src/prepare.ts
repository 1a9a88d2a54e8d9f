import type { DemoData } from '@dealergraph/demo-data';
import { generateDemoData } from '@dealergraph/demo-data';
import { migrate, openSubgraphOrm, type Progress, type SubgraphDefinition } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

import type { SubgraphName } from './subgraphs.js';

export type Orms = Record<SubgraphName, MikroORM>;

/** Key of the session-level advisory lock that one preparation at a time holds. */
const PREPARE_LOCK = "hashtext('dealergraph.prepare')";

/**
 * Connects every subgraph to its schema, applies pending migrations and, when asked, writes the demo
 * data (each subgraph skips its part when it is already there, so restarts never duplicate it).
 * Under a PostgreSQL advisory lock: replicas or deploy jobs that prepare at the same moment take
 * turns, and the later ones find nothing left to do.
 */
export async function prepareDatabase(options: PrepareOptions): Promise<Orms> {
  const lock = new pg.Client({ connectionString: options.databaseUrl });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(${PREPARE_LOCK})`);
    return await prepareLocked(options);
  } finally {
    await lock.query(`select pg_advisory_unlock(${PREPARE_LOCK})`).catch(() => undefined);
    await lock.end();
  }
}

interface PrepareOptions {
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  definitions: Record<SubgraphName, SubgraphDefinition<any, DemoData>>;
  seed: boolean;
  poolSize?: number;
  progress: Progress;
}

async function prepareLocked(options: PrepareOptions): Promise<Orms> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  const entries = Object.entries(options.definitions) as [SubgraphName, SubgraphDefinition<any, DemoData>][];
  const orms = {} as Orms;
  try {
    for (const [name, definition] of entries) {
      orms[name] = await openSubgraphOrm(definition, { databaseUrl: options.databaseUrl, poolSize: options.poolSize ?? 8 });
      const applied = await migrate(orms[name]);
      if (applied.length) options.progress(`${name}: applied ${applied.length} migration(s)`);
    }
    if (options.seed) {
      let data: DemoData | undefined;
      // Generated on first need only: a restart over seeded tables never builds the data set.
      const demoData = () => {
        if (!data) {
          options.progress('writing the demo data (first start only)…');
          data = generateDemoData();
        }
        return data;
      };
      let wroteAny = false;
      for (const [name, definition] of entries) {
        if (!definition.seed) continue;
        const started = Date.now();
        const wrote = await definition.seed(orms[name].em.fork(), demoData, options.progress);
        if (wrote) options.progress(`${name}: demo data written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        wroteAny ||= wrote;
      }
      // Fresh tables have no planner statistics until autovacuum comes by; without them PostgreSQL
      // sorts the whole catalog for every page instead of walking the sku index.
      if (wroteAny) await orms.dealers.em.getConnection().execute('analyze');
    }
    return orms;
  } catch (error) {
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    throw error;
  }
}
