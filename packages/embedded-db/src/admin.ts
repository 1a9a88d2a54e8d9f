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

/** Creates a database, optionally as a copy of a template (fast: a file copy, no migrations or seed). */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withAdmin(adminUrl, (c) => c.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`));
  return databaseUrl(adminUrl, name);
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
