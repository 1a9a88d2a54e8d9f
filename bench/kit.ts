/**
 * What every benchmark needs before it measures: a PostgreSQL server (DATABASE_URL's, or an embedded
 * one in a temp dir) and, on it, a database with the demo data behind the whole graph.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createDatabase, databaseUrl, startEmbeddedPostgres } from '@dealergraph/embedded-db';
import { prepareDatabase, type RunningStack, type StackOptions, startStack, subgraphDefinitions } from '@dealergraph/launcher';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import { reusableTemplate } from '../packages/testing/src/template-cache.js';

export interface BenchServer {
  adminUrl: string;
  /** True when the server is an embedded one this run started. */
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL's server, or an embedded PostgreSQL in a temp dir (stopped by `stop`). */
export async function benchServer(): Promise<BenchServer> {
  const given = process.env.DATABASE_URL;
  if (given) return { adminUrl: given, embedded: false, stop: async () => {} };
  const parent = mkdtempSync(join(tmpdir(), 'dealergraph-bench-'));
  chmodSync(parent, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), persistent: false });
  return { adminUrl: embedded.adminUrl, embedded: true, stop: () => embedded.stop() };
}

/**
 * Creates `name` with the demo data and says whether it still needs seeding. On a long-lived server it
 * is a copy of the tests' seeded template (built once per content hash, then seconds instead of a minute).
 */
export async function demoDatabase(server: BenchServer, name: string): Promise<{ url: string; seeded: boolean }> {
  if (server.embedded) return { url: await createDatabase(server.adminUrl, name), seeded: false };
  const template = await reusableTemplate(server.adminUrl, async (scratch) => {
    await createDatabase(server.adminUrl, scratch);
    const { privateKey } = await generateSigningKeys();
    const orms = await prepareDatabase({
      databaseUrl: databaseUrl(server.adminUrl, scratch),
      definitions: await subgraphDefinitions(privateKey),
      seed: true,
      poolSize: 2,
      progress: () => {},
    });
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  });
  return { url: await createDatabase(server.adminUrl, name, template.name), seeded: true };
}

/** The whole graph in this process on free ports, writing the demo data into `databaseUrl` first. */
export async function seededStack(
  databaseUrl: string,
  extra: Partial<StackOptions> = {},
): Promise<{ stack: RunningStack; keys: { privateKey: string; publicKey: string } }> {
  const keys = await generateSigningKeys();
  if (extra.seed !== false) console.log('seeding the demo data…');
  const stack = await startStack({
    databaseUrl,
    gatewayPort: 0,
    gatewayHost: '127.0.0.1',
    ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0 },
    seed: true,
    jwtPrivateKey: keys.privateKey,
    jwtPublicKey: keys.publicKey,
    logLevel: 'error',
    ...extra,
  });
  return { stack, keys };
}

/** The value at quantile q (0..1) of ascending values. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** One GraphQL request to the gateway, as a bench sends it: the data, or an error naming what the graph refused. */
export async function gql(url: string, token: string | null, query: string, variables?: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
