import pg from 'pg';

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The connection string of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdmin(adminUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

/** The databases whose names match a LIKE pattern (`dg_t_abc_%`). */
export async function listDatabases(adminUrl: string, like: string): Promise<string[]> {
  return withAdmin(adminUrl, async (c) =>
    (await c.query<{ datname: string }>('select datname from pg_database where datname like $1 order by 1', [like])).rows.map(
      (r) => r.datname,
    ),
  );
}

/**
 * How PostgreSQL copies a template: `WAL_LOG` (its default) writes every page of the copy to the
 * write-ahead log and through the buffer cache; `FILE_COPY` copies the files and takes a checkpoint
 * before and after. On a server without fsync (the throw-away test cluster) the checkpoints cost little
 * and FILE_COPY takes about a third of WAL_LOG's server CPU for the 60 MB demo database.
 */
export type CopyStrategy = 'WAL_LOG' | 'FILE_COPY';

/** Creates a database, optionally as a copy of a template (fast: no migrations or seed). */
export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
  options: { strategy?: CopyStrategy } = {},
): Promise<string> {
  const strategy = template && options.strategy ? ` strategy ${options.strategy === 'FILE_COPY' ? 'file_copy' : 'wal_log'}` : '';
  await withAdmin(adminUrl, (c) =>
    c.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}${strategy}` : ''}`),
  );
  return databaseUrl(adminUrl, name);
}

/**
 * FILE_COPY where the server does not sync to disk (a test cluster), else the server's default (a
 * checkpoint that syncs is slower than the WAL; PostgreSQL before 15 has no choice).
 */
export async function copyStrategyFor(adminUrl: string): Promise<CopyStrategy | undefined> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ fsync: string; version: number }>(
      `select current_setting('fsync') as fsync, current_setting('server_version_num')::int as version`,
    );
    return rows[0]?.fsync === 'off' && rows[0].version >= 150000 ? 'FILE_COPY' : undefined;
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/**
 * Makes database `name` with `build` unless it exists, once across concurrent processes: under an
 * advisory lock, into a scratch name renamed only when complete, so a build that dies half-way never
 * leaves a half-made database behind. True when this call built it.
 */
export async function buildOnce(adminUrl: string, name: string, build: (scratch: string) => Promise<void>): Promise<boolean> {
  return withAdmin(adminUrl, async (c) => {
    await c.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if ((await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1) return false;
      const scratch = `${name}_b${process.pid}`;
      await c.query(`drop database if exists ${quoteIdent(scratch)} with (force)`);
      await build(scratch);
      await c.query(`alter database ${quoteIdent(scratch)} rename to ${quoteIdent(name)}`);
      return true;
    } finally {
      await c.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
