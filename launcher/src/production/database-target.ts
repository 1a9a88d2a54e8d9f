import {
  binariesProblem,
  chooseDataDir,
  createDatabase,
  databaseExists,
  databaseUrl as urlOf,
  type EmbeddedDatabase,
  runningEmbeddedAdminUrl,
  startEmbeddedPostgres,
} from '@dealergraph/embedded-db';

import type { LauncherConfig } from '../config.js';

/** The database `npm start` uses, for a one-off command run beside (or before) it. */
export interface DatabaseTarget {
  url: string;
  /** What the operator is told about where the data went. */
  description: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; else the embedded PostgreSQL under .data/: the one `npm start` runs now if it
 * runs, otherwise started just for this command (and stopped after), so the command works before the
 * first start too.
 */
export async function openDatabaseTarget(config: Pick<LauncherConfig, 'databaseUrl' | 'dataDir'>): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'the database in DATABASE_URL', close: async () => {} };
  const problem = binariesProblem();
  if (problem) throw new Error(problem);
  const { dataDir } = chooseDataDir(config.dataDir);
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = runningEmbeddedAdminUrl(dataDir);
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    adminUrl = embedded.adminUrl;
  }
  if (!(await databaseExists(adminUrl, 'dealergraph'))) await createDatabase(adminUrl, 'dealergraph');
  return {
    url: urlOf(adminUrl, 'dealergraph'),
    description: `the embedded PostgreSQL in ${dataDir}${embedded ? '' : ' (the running one)'}`,
    close: async () => embedded?.stop(),
  };
}
