export {
  buildOnce,
  type CopyStrategy,
  copyStrategyFor,
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  listDatabases,
} from './admin.js';
export { binariesProblem, chooseDataDir, type EmbeddedDatabase, freePort, startEmbeddedPostgres } from './embedded-postgres.js';
export { runningEmbeddedAdminUrl } from './running.js';
