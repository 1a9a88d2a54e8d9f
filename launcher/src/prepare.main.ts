import { loadConfig } from './config.js';
import { prepareDatabase } from './prepare.js';
import { subgraphDefinitions } from './subgraphs.js';

/**
 * One-shot process of `npm start`: migrations and demo data, before the services start. Its own
 * process, so the supervisor never loads the subgraphs' code and stays small.
 */
const config = loadConfig();
if (!config.databaseUrl || !config.jwtPrivateKey) throw new Error('The supervisor passes DATABASE_URL and JWT_PRIVATE_KEY.');
const definitions = await subgraphDefinitions(config.jwtPrivateKey);
const orms = await prepareDatabase({
  databaseUrl: config.databaseUrl,
  definitions,
  seed: config.seedDemoData,
  poolSize: 2,
  progress: (line) => console.log(line),
});
await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
