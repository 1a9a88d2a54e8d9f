import './provided.js';

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  copyStrategyFor,
  createDatabase,
  databaseUrl,
  dropDatabase,
  type EmbeddedDatabase,
  listDatabases,
  startEmbeddedPostgres,
} from '@dealergraph/embedded-db';
import { prepareDatabase, subgraphDefinitions } from '@dealergraph/launcher';
import { generateSigningKeys } from '@dealergraph/runtime';
import type { TestProject } from 'vitest/node';

import { TEST_PASSWORD_HASH_COST } from './stack.js';
import { reusableTemplate } from './template-cache.js';

/**
 * Once per `npm test`: a PostgreSQL server (DATABASE_URL's, or an embedded one in a temp dir) and a
 * template database with migrations and demo data that each test file copies in well under a second.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  // The DATABASE_URL pass of `.ci/run` runs as its own project beside the suite (vitest.config.ts).
  let adminUrl = project.name === 'database-url' ? process.env.SERVER_PASS_DATABASE_URL : process.env.DATABASE_URL;
  if (!adminUrl) {
    const parent = mkdtempSync(join(tmpdir(), 'dealergraph-test-'));
    chmodSync(parent, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const seedInto = async (name: string) => {
    await createDatabase(adminUrl, name);
    const { privateKey } = await generateSigningKeys();
    const orms = await prepareDatabase({
      databaseUrl: databaseUrl(adminUrl, name),
      definitions: await subgraphDefinitions(privateKey, { passwordHashCost: TEST_PASSWORD_HASH_COST }),
      seed: true,
      poolSize: 2,
      progress: () => {},
    });
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  };
  // A throw-away embedded server gets its own template; a long-lived server keeps one per content hash.
  let template = `dg_tpl_${process.pid}_${Date.now().toString(36)}`;
  let reused = false;
  if (embedded) {
    await seedInto(template);
  } else {
    const cached = await reusableTemplate(adminUrl, seedInto, JSON.stringify(TEST_PASSWORD_HASH_COST));
    template = cached.name;
    reused = !cached.built;
  }
  const how = reused ? 'reusing the seeded template' : 'with a seeded template';
  console.log(
    `[test setup] ${project.name ? `${project.name}: ` : ""}${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL server'} ${how} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // The test files' databases are named after the run and dropped together at the end (see TestDatabase.drop).
  const runTag = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  project.provide('testDatabaseServer', { adminUrl, template, runTag, copyStrategy: await copyStrategyFor(adminUrl) });
  return async () => {
    if (embedded) {
      await embedded.stop(); // its data directory goes with it, every database included
      return;
    }
    const names = await listDatabases(adminUrl, `dg_t_${runTag}_%`);
    for (let i = 0; i < names.length; i += 4) await Promise.all(names.slice(i, i + 4).map((name) => dropDatabase(adminUrl, name)));
  };
}
