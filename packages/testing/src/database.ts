import './provided.js';

import { randomBytes } from 'node:crypto';

import { createDatabase } from '@dealergraph/embedded-db';
import { inject } from 'vitest';

import { templateReady } from './template-ready.js';

export interface TestDatabase {
  url: string;
  name: string;
  /**
   * Done with it: close your connections first. The database itself is dropped with the rest of the
   * run's at the global teardown (or goes with the embedded server), not here: a drop takes a second
   * or more of the server's time, and a stopped stack has nothing left connected to it.
   */
  drop(): Promise<void>;
}

/**
 * A database of this test file's own on the test server: empty by default, or a copy of the seeded
 * template (all migrations and the demo data) with `{ seeded: true }`.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template, templateStatus, runTag, copyStrategy } = inject('testDatabaseServer');
  if (options.seeded) await templateReady(templateStatus);
  const name = `dg_t_${runTag}_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(adminUrl, name, options.seeded ? template : undefined, { strategy: copyStrategy });
  return { url, name, drop: async () => {} };
}
