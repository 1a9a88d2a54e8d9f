import './provided.js';

import { randomBytes } from 'node:crypto';

import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own on the test server: empty by default, or a copy of the seeded
 * template (all migrations and the demo data) with `{ seeded: true }`.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = inject('testDatabaseServer');
  const name = `dg_t_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(adminUrl, name, options.seeded ? template : undefined);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}
