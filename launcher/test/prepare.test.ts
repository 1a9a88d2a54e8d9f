import { generateSigningKeys } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { prepareDatabase } from '../src/prepare.js';
import { subgraphDefinitions } from '../src/subgraphs.js';

const TABLES = ['dealers.dealer', 'dealers.user_account', 'products.product', 'orders."order"', 'credit.invoice'];

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
    return result;
  } finally {
    await client.end();
  }
}

describe('preparing the database on start', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('holds the demo data and does not duplicate it on a second start', async () => {
    const before = await counts(database.url);
    expect(before['dealers.dealer']).toBe(343);
    expect(before['products.product']).toBeGreaterThanOrEqual(5000);
    expect(before['orders."order"']).toBeGreaterThan(1000);

    const lines: string[] = [];
    const definitions = await subgraphDefinitions((await generateSigningKeys()).privateKey);
    const orms = await prepareDatabase({ databaseUrl: database.url, definitions, seed: true, poolSize: 2, progress: (l) => lines.push(l) });
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));

    expect(await counts(database.url)).toEqual(before);
    // Nothing applied, generated or written: a restart prints no progress at all.
    expect(lines).toEqual([]);
  });

  it('lets two replicas prepare an empty database at the same moment: one migrates, the other finds it done', async () => {
    const empty = await createTestDatabase();
    const definitions = await subgraphDefinitions((await generateSigningKeys()).privateKey);
    const logs: string[][] = [[], []];
    const runs = await Promise.allSettled(
      logs.map((lines) =>
        prepareDatabase({ databaseUrl: empty.url, definitions, seed: false, poolSize: 2, progress: (l) => lines.push(l) }),
      ),
    );
    for (const run of runs) if (run.status === 'fulfilled') await Promise.all(Object.values(run.value).map((orm) => orm.close(true)));
    expect(runs.map((run) => run.status)).toEqual(['fulfilled', 'fulfilled']);
    // Each migration applied exactly once, by whichever took the lock first.
    const applied = logs.map((lines) => lines.filter((line) => /applied \d+ migration/.test(line)).length);
    expect(applied.sort()).toEqual([0, 6]);
    await empty.drop();
  });
});
