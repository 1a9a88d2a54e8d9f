import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { generateSigningKeys } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { prepareDatabase } from '../src/prepare.js';
import { subgraphDefinitions } from '../src/subgraphs.js';

/**
 * The backup and restore of docs/OPERATIONS.md ("Backup and restore"), tried on a copy of the seeded
 * database: pg_dump in the custom format, pg_restore of the whole database into a new one and of one
 * schema into another; the restored data has every row, and the services start on it without migrating.
 */
const run = promisify(execFile);

/** pg_dump and pg_restore: PG_BIN, else the PATH, else the newest /usr/lib/postgresql/<n>/bin (Debian). */
function findBinaries(): { dump: string; restore: string } | undefined {
  const dirs = [process.env.PG_BIN, ...(process.env.PATH ?? '').split(':')];
  if (existsSync('/usr/lib/postgresql'))
    dirs.push(
      ...readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`),
    );
  const dir = dirs.find((d) => d && existsSync(join(d, 'pg_dump')) && existsSync(join(d, 'pg_restore')));
  return dir ? { dump: join(dir, 'pg_dump'), restore: join(dir, 'pg_restore') } : undefined;
}

const binaries = findBinaries();
if (!binaries)
  console.warn(
    'postgres-backup.test.ts skipped: pg_dump and pg_restore were not found (PG_BIN, PATH, /usr/lib/postgresql/*/bin); install the PostgreSQL client (apt-get install postgresql-client).',
  );

/** Exact row counts of every table in the given schemas (all application schemas when none is given). */
async function rowCounts(url: string, schemas?: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
          and ($1::text[] is null or table_schema = any($1))
        order by 1, 2`,
      [schemas ?? null],
    );
    const counts: Record<string, number> = {};
    for (const { schema, name } of rows) {
      const table = `"${schema}"."${name}"`;
      counts[`${schema}.${name}`] = Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(!binaries)('PostgreSQL backup and restore (pg_dump custom format, pg_restore)', () => {
  let seeded: TestDatabase;
  let dir: string;
  let dumpFile: string;
  let before: Record<string, number>;
  /** pg_dump refuses a server newer than itself (the embedded PostgreSQL 18 and Debian's client 15). */
  let tooOld: string | null = null;

  beforeAll(async () => {
    seeded = await createTestDatabase({ seeded: true });
    const client = new pg.Client({ connectionString: seeded.url });
    await client.connect();
    const server = Math.floor(Number((await client.query('show server_version_num')).rows[0].server_version_num) / 10_000);
    await client.end();
    const dumpMajor = Number(/(\d+)\./.exec(execFileSync(binaries!.dump, ['--version'], { encoding: 'utf8' }))?.[1]);
    if (dumpMajor < server) {
      tooOld = `pg_dump ${dumpMajor} cannot dump PostgreSQL ${server}: skipped here (the DATABASE_URL pass runs it against the machine's server)`;
      console.log(`[backup] ${tooOld}`);
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'dealergraph-backup-'));
    dumpFile = join(dir, 'dealergraph.dump');
    before = await rowCounts(seeded.url);
    const started = Date.now();
    await run(binaries!.dump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${dumpFile}`, seeded.url]);
    const version = execFileSync(binaries!.dump, ['--version'], { encoding: 'utf8' }).trim();
    console.log(
      `[backup] ${version}: ${Object.keys(before).length} tables, ${Object.values(before).reduce((a, b) => a + b, 0)} rows dumped to ${(statSync(dumpFile).size / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await seeded?.drop();
  });

  it('restores the whole database into a new one with every row, and the services start on it without migrating', async (ctx) => {
    if (tooOld) return ctx.skip(tooOld);
    // The key tables hold the demo data: a dump of an empty database would prove nothing.
    expect(before['dealers.dealer']).toBe(343);
    expect(before['products.product']).toBeGreaterThanOrEqual(5000);
    expect(before['orders.order']).toBeGreaterThan(1000);
    expect(before['credit.invoice']).toBeGreaterThan(1000);

    const target = await createTestDatabase();
    const started = Date.now();
    await run(binaries!.restore, ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, dumpFile]);
    console.log(`[backup] whole database restored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await rowCounts(target.url)).toEqual(before);

    // Migrations recorded, demo data present: preparing it (what a deploy's prepare job does) has nothing to do.
    const lines: string[] = [];
    const definitions = await subgraphDefinitions((await generateSigningKeys()).privateKey);
    const orms = await prepareDatabase({ databaseUrl: target.url, definitions, seed: true, poolSize: 2, progress: (l) => lines.push(l) });
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    expect(lines).toEqual([]);
    expect(await rowCounts(target.url, ['orders'])).toEqual(await rowCounts(seeded.url, ['orders']));
    await target.drop();
  });

  it("restores one subgraph's schema in place: drop it, create it empty, pg_restore --schema", async (ctx) => {
    if (tooOld) return ctx.skip(tooOld);
    const live = await createTestDatabase({ seeded: true });
    const client = new pg.Client({ connectionString: live.url });
    await client.connect();
    try {
      // The orders schema is lost (a bad manual fix, say); the other subgraphs keep working meanwhile.
      await client.query('drop schema orders cascade');
      await client.query('create schema orders');
    } finally {
      await client.end();
    }
    expect(await rowCounts(live.url, ['orders'])).toEqual({});
    await run(binaries!.restore, ['--no-owner', '--no-privileges', '--exit-on-error', '--schema=orders', `--dbname=${live.url}`, dumpFile]);
    expect(Object.keys(await rowCounts(live.url, ['orders'])).length).toBeGreaterThan(3);
    // Every table of every schema as it was: orders restored, the others untouched.
    expect(await rowCounts(live.url)).toEqual(before);
    await live.drop();
  });
});
