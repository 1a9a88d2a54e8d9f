import './provided.js';

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  buildOnce,
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
import { TEMPLATE_READY } from './template-ready.js';

/**
 * Once per `npm test`: a PostgreSQL server (DATABASE_URL's, or an embedded one in a temp dir) and a
 * template database with migrations and demo data that each test file copies in well under a second.
 *
 * The embedded server's template is seeded in the background: the workers start at once, load their
 * modules and run the files that need no database (and, in CI, the DATABASE_URL pass's files) while
 * it is made; `createTestDatabase` waits for it (the status file below). Seeding took 9-20 s of one
 * core, before which the whole run used to wait.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let parent: string | undefined;
  // The DATABASE_URL pass of `.ci/run` runs as its own project beside the suite (vitest.config.ts).
  let adminUrl = project.name === 'database-url' ? process.env.SERVER_PASS_DATABASE_URL : process.env.DATABASE_URL;
  if (!adminUrl) {
    parent = mkdtempSync(join(tmpdir(), 'dealergraph-test-'));
    chmodSync(parent, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const server = adminUrl;
  const seedInto = async (name: string) => {
    await createDatabase(server, name);
    const { privateKey } = await generateSigningKeys();
    const orms = await prepareDatabase({
      databaseUrl: databaseUrl(server, name),
      definitions: await subgraphDefinitions(privateKey, { passwordHashCost: TEST_PASSWORD_HASH_COST }),
      seed: true,
      poolSize: 2,
      progress: () => {},
    });
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  };
  const label = `[test setup] ${project.name ? `${project.name}: ` : ''}${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL server'}`;
  // A throw-away embedded server gets its own template; a long-lived server keeps one per content hash.
  let template = `dg_tpl_${process.pid}_${Date.now().toString(36)}`;
  let templateStatus: string | undefined;
  let seeding: Promise<void> = Promise.resolve();
  if (embedded && parent) {
    // Made under a scratch name and renamed when complete (buildOnce), so no copy sees half a template.
    const status = join(parent, 'template-status');
    templateStatus = status;
    seeding = buildOnce(server, template, seedInto).then(
      () => {
        writeFileSync(status, TEMPLATE_READY);
        console.log(`${label} seeded its template in ${((Date.now() - started) / 1000).toFixed(1)} s (in the background)`);
      },
      (error: unknown) => {
        // Every file that asks for a database fails with this, instead of waiting for its hook's timeout.
        const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
        writeFileSync(status, `the seeded template could not be made: ${why}`);
        console.error(`${label} could not seed its template:`, error);
      },
    );
    console.log(`${label} started in ${((Date.now() - started) / 1000).toFixed(1)} s; seeding its template meanwhile`);
  } else {
    const cached = await reusableTemplate(server, seedInto, JSON.stringify(TEST_PASSWORD_HASH_COST));
    template = cached.name;
    console.log(
      `${label} ${cached.built ? 'with a seeded template' : 'reusing the seeded template'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // The test files' databases are named after the run and dropped together at the end (see TestDatabase.drop).
  const runTag = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  project.provide('testDatabaseServer', {
    adminUrl: server,
    template,
    templateStatus,
    runTag,
    copyStrategy: await copyStrategyFor(server),
  });
  return async () => {
    await seeding; // a run that needed no database may end first: the server stops after the seed
    if (embedded) {
      await embedded.stop(); // its data directory goes with it, every database included
      return;
    }
    const names = await listDatabases(server, `dg_t_${runTag}_%`);
    for (let i = 0; i < names.length; i += 4) await Promise.all(names.slice(i, i + 4).map((name) => dropDatabase(server, name)));
  };
}
