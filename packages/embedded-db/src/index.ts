export { binariesProblem, chooseDataDir, freePort, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
export { buildOnce, createDatabase, databaseExists, databaseUrl, dropDatabase } from './admin.js';
