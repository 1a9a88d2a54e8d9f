import { readFileSync } from 'node:fs';

import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// docs/ARCHITECTURE.md's ownership table is how a reader finds who owns a fact; it must list every table the
// migrations create, in the schema that really holds it, and nothing that is gone.
const DOC = new URL('../../docs/ARCHITECTURE.md', import.meta.url);
const BOOKKEEPING = new Set(['mikro_orm_migrations']);

/** The tables column of the "Who owns what" table, by subgraph. */
function documentedTables(markdown: string): Map<string, Set<string>> {
  const section = markdown.split('## Who owns what')[1]?.split('\n## ')[0] ?? '';
  const owners = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !/^[a-z]+$/.test(cells[1]) || cells[1] === 'subgraph') continue;
    owners.set(cells[1], new Set(cells[2].split(',').map((name) => name.trim().replaceAll('`', ''))));
  }
  return owners;
}

async function migratedTables(url: string, schemas: string[]): Promise<Map<string, Set<string>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables where table_schema = any($1) and table_type = 'BASE TABLE'`,
      [schemas],
    );
    const owners = new Map<string, Set<string>>(schemas.map((schema) => [schema, new Set<string>()]));
    for (const row of rows) if (!BOOKKEEPING.has(row.table_name)) owners.get(row.table_schema)!.add(row.table_name);
    return owners;
  } finally {
    await client.end();
  }
}

describe("docs/ARCHITECTURE.md's ownership table", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('lists every table of every subgraph schema, under its owner, and no other', async () => {
    const documented = documentedTables(readFileSync(DOC, 'utf8'));
    expect(documented.size).toBeGreaterThanOrEqual(5);
    const actual = await migratedTables(database.url, [...documented.keys()]);
    const sorted = (owners: Map<string, Set<string>>) =>
      Object.fromEntries([...owners].map(([owner, tables]) => [owner, [...tables].sort()]));
    expect(sorted(documented)).toEqual(sorted(actual));
  });
});
